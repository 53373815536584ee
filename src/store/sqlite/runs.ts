import type { Database } from 'better-sqlite3';
import { ChatscreenError } from '../../domain/index.js';
import {
  type BatchRow,
  RUN_COLUMNS,
  type RunRow,
  runValues,
  toBatch,
  toRun,
} from '../rows/runs.js';
import type { RunRepo } from '../store.js';

export function sqliteRuns(db: Database): RunRepo {
  const insertRun = db.prepare(
    `INSERT INTO runs (${RUN_COLUMNS})
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
      insertRun.run(...runValues(run));
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
