import type { ReplayRecord } from '../records.js';

/** A row of `replays`. */
export interface ReplayRow {
  id: string;
  case_id: string;
  kind: string;
  base_run_id: string;
  run_id: string;
  created_at: string;
  created_by: string;
}

export function toReplay(row: ReplayRow): ReplayRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as ReplayRecord['kind'],
    baseRunId: row.base_run_id,
    runId: row.run_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
