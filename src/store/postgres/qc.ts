import type { QcDecisionRecord, QcItemKind, QcItemRecord, QcSampleRecord } from '../records.js';
import type { QcRepo } from '../store.js';
import type { Db } from './db.js';

interface SampleRow {
  id: string;
  run_id: string;
  case_id: string;
  seed: string;
  flag_share: number;
  unflagged_requested: number;
  reviewer_ids: string;
  flags_eligible: number;
  flags_drawn: number;
  unflagged_eligible: number;
  unflagged_drawn: number;
  created_at: string;
  created_by: string;
}

interface ItemRow {
  id: string;
  sample_id: string;
  run_id: string;
  case_id: string;
  position: number;
  kind: string;
  flag_id: string | null;
  message_id: string;
  message_seq: number;
  first_decision_id: string | null;
  assigned_to: string;
}

interface DecisionRow {
  id: string;
  item_id: string;
  run_id: string;
  case_id: string;
  outcome: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

function toSample(row: SampleRow): QcSampleRecord {
  return {
    id: row.id,
    runId: row.run_id,
    caseId: row.case_id,
    seed: row.seed,
    flagShare: row.flag_share,
    unflaggedRequested: row.unflagged_requested,
    reviewerIds: JSON.parse(row.reviewer_ids) as string[],
    flagsEligible: row.flags_eligible,
    flagsDrawn: row.flags_drawn,
    unflaggedEligible: row.unflagged_eligible,
    unflaggedDrawn: row.unflagged_drawn,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toItem(row: ItemRow): QcItemRecord {
  return {
    id: row.id,
    sampleId: row.sample_id,
    runId: row.run_id,
    caseId: row.case_id,
    position: row.position,
    kind: row.kind as QcItemKind,
    flagId: row.flag_id,
    messageId: row.message_id,
    messageSeq: row.message_seq,
    firstDecisionId: row.first_decision_id,
    assignedTo: row.assigned_to,
  };
}

function toDecision(row: DecisionRow): QcDecisionRecord {
  return {
    id: row.id,
    itemId: row.item_id,
    runId: row.run_id,
    caseId: row.case_id,
    outcome: row.outcome as QcDecisionRecord['outcome'],
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export function pgQc(db: Db): QcRepo {
  return {
    async insertSample(s, items) {
      await db.run(
        `INSERT INTO qc_samples (id, run_id, case_id, seed, flag_share, unflagged_requested,
           reviewer_ids, flags_eligible, flags_drawn, unflagged_eligible, unflagged_drawn,
           created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          s.id,
          s.runId,
          s.caseId,
          s.seed,
          s.flagShare,
          s.unflaggedRequested,
          JSON.stringify(s.reviewerIds),
          s.flagsEligible,
          s.flagsDrawn,
          s.unflaggedEligible,
          s.unflaggedDrawn,
          s.createdAt,
          s.createdBy,
        ],
      );
      if (items.length === 0) return;
      await db.run(
        `INSERT INTO qc_items (id, sample_id, run_id, case_id, position, kind, flag_id, message_id,
           message_seq, first_decision_id, assigned_to)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[],
           $6::text[], $7::text[], $8::text[], $9::integer[], $10::text[], $11::text[])`,
        [
          items.map((i) => i.id),
          items.map((i) => i.sampleId),
          items.map((i) => i.runId),
          items.map((i) => i.caseId),
          items.map((i) => i.position),
          items.map((i) => i.kind),
          items.map((i) => i.flagId),
          items.map((i) => i.messageId),
          items.map((i) => i.messageSeq),
          items.map((i) => i.firstDecisionId),
          items.map((i) => i.assignedTo),
        ],
      );
    },
    async listSamples(runId) {
      const rows = await db.rows<SampleRow>(
        'SELECT * FROM qc_samples WHERE run_id = $1 ORDER BY created_at, id',
        [runId],
      );
      return rows.map(toSample);
    },
    async getItem(id) {
      const row = await db.one<ItemRow>('SELECT * FROM qc_items WHERE id = $1', [id]);
      return row === null ? null : toItem(row);
    },
    async listItems(runId) {
      const rows = await db.rows<ItemRow>(
        `SELECT i.* FROM qc_items i JOIN qc_samples s ON s.id = i.sample_id
         WHERE i.run_id = $1 ORDER BY s.created_at, s.id, i.position`,
        [runId],
      );
      return rows.map(toItem);
    },
    async insertDecision(d) {
      await db.run(
        `INSERT INTO qc_decisions (id, item_id, run_id, case_id, outcome, reason, decided_by,
           decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d.id, d.itemId, d.runId, d.caseId, d.outcome, d.reason, d.decidedBy, d.decidedAt],
      );
    },
    async listDecisions(runId) {
      const rows = await db.rows<DecisionRow>(
        'SELECT * FROM qc_decisions WHERE run_id = $1 ORDER BY decided_at, id',
        [runId],
      );
      return rows.map(toDecision);
    },
  };
}
