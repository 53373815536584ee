import type { DecisionRecord } from '../records.js';

/** A row of `decisions`. */
export interface DecisionRow {
  id: string;
  flag_id: string;
  run_id: string;
  case_id: string;
  outcome: string;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export function toDecision(row: DecisionRow): DecisionRecord {
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
