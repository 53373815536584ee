import type { Database } from 'better-sqlite3';
import { ChatscreenError, type RunPurpose, type RunStatus } from '../../domain/index.js';
import type { BatchRecord, RunRecord, RunTotals } from '../records.js';
import type { RunRepo } from '../store.js';
import { fromJson, toJson } from './json.js';

interface RunRow {
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

interface BatchRow {
  run_id: string;
  idx: number;
  first_seq: number;
  last_seq: number;
  size: number;
  done: number;
}

function toRun(row: RunRow): RunRecord {
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

function toBatch(row: BatchRow): BatchRecord {
  return {
    runId: row.run_id,
    index: row.idx,
    firstSeq: row.first_seq,
    lastSeq: row.last_seq,
    size: row.size,
    done: row.done === 1,
  };
}

export function sqliteRuns(db: Database): RunRepo {
  const insertRun = db.prepare(
    `INSERT INTO runs (id, case_id, export_id, purpose, base_run_id, model_id, model_sha256, batch_size,
       batch_count, batches_done, screened, flag_count, totals, status, error, created_at, created_by,
       started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBatch = db.prepare(
    'INSERT INTO run_batches (run_id, idx, first_seq, last_seq, size, done) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare('SELECT * FROM runs WHERE id = ?');
  const forExport = db.prepare('SELECT * FROM runs WHERE export_id = ? ORDER BY created_at, id');
  const unfinished = db.prepare(
    `SELECT * FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, id`,
  );
  const markRunning = db.prepare(
    `UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ? AND status IN ('queued', 'running')`,
  );
  const batch = db.prepare('SELECT * FROM run_batches WHERE run_id = ? AND idx = ?');
  const pending = db.prepare(
    'SELECT * FROM run_batches WHERE run_id = ? AND done = 0 ORDER BY idx',
  );
  const markBatch = db.prepare(
    'UPDATE run_batches SET done = 1 WHERE run_id = ? AND idx = ? AND done = 0',
  );
  const flagBase = db.prepare('SELECT flag_count FROM runs WHERE id = ?').pluck();
  const insertFlag = db.prepare(
    `INSERT INTO flags (id, run_id, seq, batch_idx, message_id, message_seq, start, "end", category, score, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bump = db.prepare(
    `UPDATE runs SET batches_done = batches_done + 1, screened = screened + ?, flag_count = flag_count + ?
     WHERE id = ?`,
  );
  const finish = db.prepare(
    `UPDATE runs SET status = ?, finished_at = ?, error = ? WHERE id = ? AND status IN ('queued', 'running')`,
  );
  return {
    async insert(run, batches) {
      insertRun.run(
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
      );
      for (const b of batches) {
        insertBatch.run(run.id, b.index, b.firstSeq, b.lastSeq, b.size, b.done ? 1 : 0);
      }
    },
    async get(id) {
      const row = byId.get(id) as RunRow | undefined;
      return row === undefined ? null : toRun(row);
    },
    async listForExport(exportId) {
      return (forExport.all(exportId) as RunRow[]).map(toRun);
    },
    async listUnfinished() {
      return (unfinished.all() as RunRow[]).map(toRun);
    },
    async markRunning(id, at) {
      markRunning.run(at, id);
    },
    async getBatch(runId, index) {
      const row = batch.get(runId, index) as BatchRow | undefined;
      return row === undefined ? null : toBatch(row);
    },
    async pendingBatches(runId) {
      return (pending.all(runId) as BatchRow[]).map(toBatch);
    },
    async completeBatch(runId, index, flags, screened) {
      const base = flagBase.get(runId);
      if (typeof base !== 'number') throw new ChatscreenError('not_found', 'no such run');
      // The done mark is the idempotency key: a batch committed once is never written again.
      if (markBatch.run(runId, index).changes === 0) {
        if (batch.get(runId, index) === undefined)
          throw new ChatscreenError('not_found', 'no such batch');
        return false;
      }
      flags.forEach((flag, i) => {
        insertFlag.run(
          flag.id,
          runId,
          base + i + 1,
          index,
          flag.messageId,
          flag.messageSeq,
          flag.start,
          flag.end,
          flag.category,
          flag.score,
          flag.text,
        );
      });
      bump.run(screened, flags.length, runId);
      return true;
    },
    async finish(id, status, at, error) {
      finish.run(status, at, error, id);
    },
  };
}
