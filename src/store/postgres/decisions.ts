import { type DecisionRow, toDecision } from '../rows/decisions.js';
import { type ReplayRow, toReplay } from '../rows/replays.js';
import type { DecisionRepo, ReplayRepo } from '../store.js';
import type { Db } from './db.js';

export function pgDecisions(db: Db): DecisionRepo {
  return {
    async insert(d) {
      await db.run(
        `INSERT INTO decisions (id, flag_id, run_id, case_id, outcome, reason, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [d.id, d.flagId, d.runId, d.caseId, d.outcome, d.reason, d.decidedBy, d.decidedAt],
      );
    },
    async listForFlag(flagId) {
      const rows = await db.rows<DecisionRow>(
        'SELECT * FROM decisions WHERE flag_id = $1 ORDER BY decided_at, id',
        [flagId],
      );
      return rows.map(toDecision);
    },
    async listForCase(caseId) {
      const rows = await db.rows<DecisionRow>(
        'SELECT * FROM decisions WHERE case_id = $1 ORDER BY decided_at, id',
        [caseId],
      );
      return rows.map(toDecision);
    },
    async listForRun(runId) {
      const rows = await db.rows<DecisionRow>(
        'SELECT * FROM decisions WHERE run_id = $1 ORDER BY decided_at, id',
        [runId],
      );
      return rows.map(toDecision);
    },
  };
}

export function pgReplays(db: Db): ReplayRepo {
  return {
    async insert(r) {
      await db.run(
        `INSERT INTO replays (id, case_id, kind, base_run_id, run_id, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [r.id, r.caseId, r.kind, r.baseRunId, r.runId, r.createdAt, r.createdBy],
      );
    },
    async get(id) {
      const row = await db.one<ReplayRow>('SELECT * FROM replays WHERE id = $1', [id]);
      return row === null ? null : toReplay(row);
    },
  };
}
