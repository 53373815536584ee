import pg from 'pg';

export interface Presence {
  /** True when no other process held this presence when we arrived. */
  readonly alone: boolean;
  /** Ends the exclusive phase of a process that arrived alone: others may now join. */
  share(): Promise<void>;
  release(): Promise<void>;
}

const KEY = 'hashtextextended($1, 0)';

/**
 * Announces a process (an API server) for as long as it lives: an advisory lock on a connection
 * it keeps. Arriving, it first tries the lock exclusively, which succeeds only when no other such
 * process is alive: then start-up clean-up (uploads a crash left half-way) is safe, and replicas
 * arriving meanwhile wait for it (their shared lock waits) before they start. A second replica
 * skips the clean-up rather than delete an upload the first is receiving. The server releases
 * the lock when the process dies, so a crash never leaves it held.
 */
export async function holdPresence(connectionString: string, name: string): Promise<Presence> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ alone: boolean }>(
      `SELECT pg_try_advisory_lock(${KEY}) AS alone`,
      [name],
    );
    const alone = rows[0]?.alone === true;
    if (!alone) await client.query(`SELECT pg_advisory_lock_shared(${KEY})`, [name]);
    let exclusive = alone;
    return {
      alone,
      async share() {
        if (!exclusive) return;
        exclusive = false;
        await client.query(`SELECT pg_advisory_lock_shared(${KEY})`, [name]);
        await client.query(`SELECT pg_advisory_unlock(${KEY})`, [name]);
      },
      async release() {
        await client.end().catch(() => {});
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}
