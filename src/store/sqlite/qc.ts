import type { Database } from 'better-sqlite3';
import type { QcDecisionRecord, QcItemKind, QcItemRecord, QcSampleRecord } from '../records.js';
import type { QcRepo } from '../store.js';
import { fromJson, toJson } from './json.js';

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
    reviewerIds: fromJson<string[]>(row.reviewer_ids),
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

export function sqliteQc(db: Database): QcRepo {
  const insertSample = db.prepare(
    `INSERT INTO qc_samples (id, run_id, case_id, seed, flag_share, unflagged_requested,
       reviewer_ids, flags_eligible, flags_drawn, unflagged_eligible, unflagged_drawn,
       created_at, created_by)
     VALUES (@id, @runId, @caseId, @seed, @flagShare, @unflaggedRequested, @reviewerIds,
       @flagsEligible, @flagsDrawn, @unflaggedEligible, @unflaggedDrawn, @createdAt, @createdBy)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO qc_items (id, sample_id, run_id, case_id, position, kind, flag_id, message_id,
       message_seq, first_decision_id, assigned_to)
     VALUES (@id, @sampleId, @runId, @caseId, @position, @kind, @flagId, @messageId,
       @messageSeq, @firstDecisionId, @assignedTo)`,
  );
  const samplesForRun = db.prepare(
    'SELECT * FROM qc_samples WHERE run_id = ? ORDER BY created_at, id',
  );
  const itemById = db.prepare('SELECT * FROM qc_items WHERE id = ?');
  const itemsForRun = db.prepare(
    `SELECT i.* FROM qc_items i JOIN qc_samples s ON s.id = i.sample_id
     WHERE i.run_id = ? ORDER BY s.created_at, s.id, i.position`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO qc_decisions (id, item_id, run_id, case_id, outcome, reason, decided_by,
       decided_at)
     VALUES (@id, @itemId, @runId, @caseId, @outcome, @reason, @decidedBy, @decidedAt)`,
  );
  const decisionsForRun = db.prepare(
    'SELECT * FROM qc_decisions WHERE run_id = ? ORDER BY decided_at, id',
  );
  return {
    async insertSample(sample, items) {
      insertSample.run({ ...sample, reviewerIds: toJson(sample.reviewerIds) });
      for (const item of items) insertItem.run(item);
    },
    async listSamples(runId) {
      return (samplesForRun.all(runId) as SampleRow[]).map(toSample);
    },
    async getItem(id) {
      const row = itemById.get(id) as ItemRow | undefined;
      return row === undefined ? null : toItem(row);
    },
    async listItems(runId) {
      return (itemsForRun.all(runId) as ItemRow[]).map(toItem);
    },
    async insertDecision(decision) {
      insertDecision.run(decision);
    },
    async listDecisions(runId) {
      return (decisionsForRun.all(runId) as DecisionRow[]).map(toDecision);
    },
  };
}
