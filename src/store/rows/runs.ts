import type { RunPurpose, RunStatus } from '../../domain/index.js';
import type { BatchRecord, RunRecord, RunTotals } from '../records.js';
import { type DbBool, fromDbBool, fromJson, toJson } from './columns.js';

/** A row of `runs`. */
export interface RunRow {
  id: string;
  case_id: string;
  export_id: string;
  purpose: string;
  base_run_id: string | null;
  model_id: string;
  model_sha256: string;
  batch_size: number;
  batch_count: number;
  batches_done: number;
  screened: number;
  flag_count: number;
  totals: string;
  status: string;
  error: string | null;
  created_at: string;
  created_by: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A row of `run_batches`. */
export interface BatchRow {
  run_id: string;
  idx: number;
  first_seq: number;
  last_seq: number;
  size: number;
  done: DbBool;
}

export function toRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    exportId: row.export_id,
    purpose: row.purpose as RunPurpose,
    baseRunId: row.base_run_id,
    model: { id: row.model_id, sha256: row.model_sha256 },
    batchSize: row.batch_size,
    batchCount: row.batch_count,
    batchesDone: row.batches_done,
    screened: row.screened,
    flagCount: row.flag_count,
    totals: fromJson<RunTotals>(row.totals),
    status: row.status as RunStatus,
    error: row.error,
    createdAt: row.created_at,
    createdBy: row.created_by,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function toBatch(row: BatchRow): BatchRecord {
  return {
    runId: row.run_id,
    index: row.idx,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
    size: row.size,
    done: fromDbBool(row.done),
  };
}

/** The columns of `runs` an insert writes, in the order runValues gives them. */
export const RUN_COLUMNS = `id, case_id, export_id, purpose, base_run_id, model_id, model_sha256, batch_size,
  batch_count, batches_done, screened, flag_count, totals, status, error, created_at, created_by,
  started_at, finished_at`;

/** A run record as the values of RUN_COLUMNS, totals as JSON text. */
export function runValues(run: RunRecord): (string | number | null)[] {
  return [
    run.id,
    run.caseId,
    run.exportId,
    run.purpose,
    run.baseRunId,
    run.model.id,
    run.model.sha256,
    run.batchSize,
    run.batchCount,
    run.batchesDone,
    run.screened,
    run.flagCount,
    toJson(run.totals),
    run.status,
    run.error,
    run.createdAt,
    run.createdBy,
    run.startedAt,
    run.finishedAt,
  ];
}
