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
import type { Db } from './db.js';

const INSERT_FLAGS = `INSERT INTO flags (id, run_id, seq, batch_idx, message_id, message_seq, start, "end", category, score, text)
  SELECT f.id, $1, $2 + f.n, $3, f.message_id, f.message_seq, f.start, f."end", f.category, f.score, f.text
  FROM unnest($4::text[], $5::text[], $6::integer[], $7::integer[], $8::integer[], $9::text[],
    $10::double precision[], $11::text[]) WITH ORDINALITY
    AS f(id, message_id, message_seq, start, "end", category, score, text, n)`;

/**
 * `writable`: in a write transaction `get` locks the run row (FOR UPDATE) until commit, so that a
 * transaction which reads a run's status and then acts on it (finishing it, failing it) is alone
 * in doing so, as every transaction is with SQLite. Two processes finishing one run at once then
 * write its closing audit event once.
 */
export function pgRuns(db: Db, writable: boolean): RunRepo {
  const lock = writable ? ' FOR UPDATE' : '';
  return {
    async insert(run, batches) {
      await db.run(
        `INSERT INTO runs (${RUN_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        runValues(run),
      );
      if (batches.length === 0) return;
      await db.run(
        `INSERT INTO run_batches (run_id, idx, first_seq, last_seq, size, done)
         SELECT $1, * FROM unnest($2::integer[], $3::integer[], $4::integer[], $5::integer[], $6::boolean[])`,
        [
          run.id,
          batches.map((b) => b.index),
          batches.map((b) => b.firstSeq),
          batches.map((b) => b.lastSeq),
          batches.map((b) => b.size),
          batches.map((b) => b.done),
        ],
      );
    },
    async get(id) {
      const row = await db.one<RunRow>(`SELECT * FROM runs WHERE id = $1${lock}`, [id]);
      return row === null ? null : toRun(row);
    },
    async listForExport(exportId) {
      const rows = await db.rows<RunRow>(
        'SELECT * FROM runs WHERE export_id = $1 ORDER BY created_at, id',
        [exportId],
      );
      return rows.map(toRun);
    },
    async listUnfinished() {
      const rows = await db.rows<RunRow>(
        `SELECT * FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at, id`,
      );
      return rows.map(toRun);
    },
    async markRunning(id, at) {
      await db.run(
        `UPDATE runs SET status = 'running', started_at = COALESCE(started_at, $1)
         WHERE id = $2 AND status IN ('queued', 'running')`,
        [at, id],
      );
    },
    async getBatch(runId, index) {
      const row = await db.one<BatchRow>(
        'SELECT * FROM run_batches WHERE run_id = $1 AND idx = $2',
        [runId, index],
      );
      return row === null ? null : toBatch(row);
    },
    async pendingBatches(runId) {
      const rows = await db.rows<BatchRow>(
        'SELECT * FROM run_batches WHERE run_id = $1 AND NOT done ORDER BY idx',
        [runId],
      );
      return rows.map(toBatch);
    },
    async completeBatch(runId, index, flags, screened) {
      // The done mark is the idempotency key: a batch committed once is never written again.
      const marked = await db.run(
        'UPDATE run_batches SET done = true WHERE run_id = $1 AND idx = $2 AND NOT done',
        [runId, index],
      );
      if (marked === 0) {
        const exists = await db.one('SELECT 1 FROM run_batches WHERE run_id = $1 AND idx = $2', [
          runId,
          index,
        ]);
        if (exists === null) throw new ChatscreenError('not_found', 'no such batch');
        return false;
      }
      // Updating the run row takes its lock until commit, so batches of one run commit one after
      // another and each takes the next seqs: a reader never sees seq n+1 before seq n.
      const bumped = await db.one<{ base: number }>(
        `UPDATE runs SET batches_done = batches_done + 1, screened = screened + $2,
           flag_count = flag_count + $3
         WHERE id = $1 RETURNING flag_count - $3 AS base`,
        [runId, screened, flags.length],
      );
      if (bumped === null) throw new ChatscreenError('not_found', 'no such run');
      if (flags.length === 0) return true;
      await db.run(INSERT_FLAGS, [
        runId,
        bumped.base,
        index,
        flags.map((f) => f.id),
        flags.map((f) => f.messageId),
        flags.map((f) => f.messageSeq),
        flags.map((f) => f.start),
        flags.map((f) => f.end),
        flags.map((f) => f.category),
        flags.map((f) => f.score),
        flags.map((f) => f.text),
      ]);
      return true;
    },
    async finish(id, status, at, error) {
      await db.run(
        `UPDATE runs SET status = $1, finished_at = $2, error = $3
         WHERE id = $4 AND status IN ('queued', 'running')`,
        [status, at, error, id],
      );
    },
  };
}
