import type { Database } from 'better-sqlite3';
import { type DecisionRow, toDecision } from '../rows/decisions.js';
import type { DecisionRepo } from '../store.js';

export function sqliteDecisions(db: Database): DecisionRepo {
  const insert = db.prepare(
    `INSERT INTO decisions (id, flag_id, run_id, case_id, outcome, reason, decided_by, decided_at)
     VALUES (@id, @flagId, @runId, @caseId, @outcome, @reason, @decidedBy, @decidedAt)`,
  );
  const forFlag = db.prepare('SELECT * FROM decisions WHERE flag_id = ? ORDER BY decided_at, id');
  const forCase = db.prepare('SELECT * FROM decisions WHERE case_id = ? ORDER BY decided_at, id');
  const forRun = db.prepare('SELECT * FROM decisions WHERE run_id = ? ORDER BY decided_at, id');
  return {
    async insert(decision) {
      insert.run(decision);
    },
    async listForFlag(flagId) {
      return (forFlag.all(flagId) as DecisionRow[]).map(toDecision);
    },
    async listForCase(caseId) {
      return (forCase.all(caseId) as DecisionRow[]).map(toDecision);
    },
    async listForRun(runId) {
      return (forRun.all(runId) as DecisionRow[]).map(toDecision);
    },
  };
}
