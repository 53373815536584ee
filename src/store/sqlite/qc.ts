import type { Database } from 'better-sqlite3';
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
      return (samplesForRun.all(runId) as QcSampleRow[]).map(toQcSample);
    },
    async getItem(id) {
      const row = itemById.get(id) as QcItemRow | undefined;
      return row === undefined ? null : toQcItem(row);
    },
    async listItems(runId) {
      return (itemsForRun.all(runId) as QcItemRow[]).map(toQcItem);
    },
    async insertDecision(decision) {
      insertDecision.run(decision);
    },
    async listDecisions(runId) {
      return (decisionsForRun.all(runId) as QcDecisionRow[]).map(toQcDecision);
    },
  };
}
