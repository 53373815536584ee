import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one connection while holding a session-level advisory lock named `name`
 * (hashed to the 64-bit key space server-side). Processes that start together queue here, so
 * migrations (ours and graphile-worker's) run once, whoever comes first.
 */
export async function withSessionLock<T>(
  pool: Pool,
  name: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
