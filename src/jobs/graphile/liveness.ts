import type { Pool, PoolClient } from 'pg';
import { quoteIdent } from './job-sql.js';

const KEY = "hashtextextended('chatscreen-worker:' || w, 0)";

/**
 * graphile-worker marks a job with the id of the worker that took it and only considers the
 * lock stale after four hours, so a worker killed mid-batch would hold its batch that long.
 * Instead each worker id is backed by a session advisory lock on a connection this process
 * keeps open: the server drops it the moment the process dies (kill -9, OOM, a lost machine
 * once TCP gives up). `sweep` finds jobs locked by worker ids whose advisory lock is free, which
 * means their process is gone, and unlocks them so another worker retries the batch at once.
 * No clocks are involved; a live but slow worker is never robbed.
 */
export interface Liveness {
  /** Holds the locks for these worker ids until `release`. */
  hold(workerIds: readonly string[]): Promise<void>;
  release(): Promise<void>;
}

export async function openLiveness(pool: Pool, onLost: (error: Error) => void): Promise<Liveness> {
  const client: PoolClient = await pool.connect();
  let released = false;
  // Losing this connection frees our locks: other processes may now retry our batches, so this
  // one must stop working rather than commit alongside them (commits stay idempotent anyway).
  client.on('error', (error) => {
    if (!released) onLost(error);
  });
  return {
    async hold(workerIds) {
      await client.query(`SELECT pg_advisory_lock(${KEY}) FROM unnest($1::text[]) AS w`, [
        [...workerIds],
      ]);
    },
    async release() {
      if (released) return;
      released = true;
      // Destroying the connection releases every lock it holds.
      client.release(true);
    },
  };
}

/** Unlocks the jobs of workers whose process is gone; returns the worker ids it unlocked. */
export async function sweepDeadWorkers(pool: Pool, schema: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A transaction-level try-lock succeeds only where no live session holds the key; it is
    // released again at COMMIT, so the check never blocks a worker that starts meanwhile.
    const { rows } = await client.query<{ w: string }>(
      `SELECT w FROM (SELECT DISTINCT locked_by AS w FROM ${quoteIdent(schema)}.jobs
         WHERE locked_by IS NOT NULL) AS locked
       WHERE pg_try_advisory_xact_lock(${KEY})`,
    );
    const dead = rows.map((row) => row.w);
    if (dead.length > 0) {
      await client.query(`SELECT ${quoteIdent(schema)}.force_unlock_workers($1::text[])`, [dead]);
    }
    await client.query('COMMIT');
    return dead;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
