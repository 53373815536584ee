import { toJson } from '../rows/columns.js';
import {
  type QcDecisionRow,
  type QcItemRow,
  type QcSampleRow,
  toQcDecision,
  toQcItem,
  toQcSample,
} from '../rows/qc.js';
import type { QcRepo } from '../store.js';
import type { Db } from './db.js';

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
          toJson(s.reviewerIds),
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
      const rows = await db.rows<QcSampleRow>(
        'SELECT * FROM qc_samples WHERE run_id = $1 ORDER BY created_at, id',
        [runId],
      );
      return rows.map(toQcSample);
    },
    async getItem(id) {
      const row = await db.one<QcItemRow>('SELECT * FROM qc_items WHERE id = $1', [id]);
      return row === null ? null : toQcItem(row);
    },
    async listItems(runId) {
      const rows = await db.rows<QcItemRow>(
        `SELECT i.* FROM qc_items i JOIN qc_samples s ON s.id = i.sample_id
         WHERE i.run_id = $1 ORDER BY s.created_at, s.id, i.position`,
        [runId],
      );
      return rows.map(toQcItem);
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
      const rows = await db.rows<QcDecisionRow>(
        'SELECT * FROM qc_decisions WHERE run_id = $1 ORDER BY decided_at, id',
        [runId],
      );
      return rows.map(toQcDecision);
    },
  };
}
