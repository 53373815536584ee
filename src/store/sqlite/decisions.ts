import type { Database } from 'better-sqlite3';
import type { DecisionRecord } from '../records.js';
import type { DecisionRepo } from '../store.js';

interface DecisionRow {
  id: string;
  flag_id: string;
  run_id: string;
  case_id: string;
  outcome: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

function toDecision(row: DecisionRow): DecisionRecord {
  return {
    id: row.id,
    flagId: row.flag_id,
    runId: row.run_id,
    caseId: row.case_id,
    outcome: row.outcome as DecisionRecord['outcome'],
    reason: row.reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

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
