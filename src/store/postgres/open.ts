import pg from 'pg';
import type { Store, StoreTx } from '../store.js';
import { pgAudit } from './audit.js';
import { pgCases } from './cases.js';
import { clientDb, type Db, sqlState } from './db.js';
import { pgDecisions, pgReplays } from './decisions.js';
import { pgExports } from './exports.js';
import { pgFlags } from './flags.js';
import { withSessionLock } from './locks.js';
import { pgMessages } from './messages.js';
import { migrate, quoteIdent } from './migrations.js';
import { pgQc } from './qc.js';
import { pgRuns } from './runs.js';
import { pgUsers } from './users.js';

export interface PostgresStoreOptions {
  connectionString: string;
  /** The schema holding the tables (created if missing). */
  schema: string;
  /** Connections in this process's pool. */
  poolSize?: number;
}

export interface PostgresStore extends Store {
  readonly schema: string;
  /** Resolves once migrations have run; every transaction waits for it too. */
  readonly ready: Promise<void>;
}

/** Deadlocks and serialisation failures are retried: a transaction's work only touches `tx`. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

function repos(db: Db, writable: boolean): StoreTx {
  return {
    users: pgUsers(db),
    cases: pgCases(db),
    exports: pgExports(db),
    messages: pgMessages(db),
    runs: pgRuns(db, writable),
    flags: pgFlags(db),
    decisions: pgDecisions(db),
    replays: pgReplays(db),
    qc: pgQc(db),
    audit: pgAudit(db),
  };
}

/**
 * The PostgreSQL store: a pool whose connections use `schema` as their search path, migrated on
 * open under an advisory lock (several processes may start at once). Write transactions run at
 * READ COMMITTED; where the contract needs order (audit appends, a run's flag seqs) a row lock
 * provides it. Reads run at REPEATABLE READ, READ ONLY: one snapshot, as a SQLite read has.
 *
 * Returns at once, so callers keep SQLite's synchronous `open`; migration errors surface from
 * `ready` and from the first transaction.
 */
export function openPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // The search path is a connection parameter, so it holds for every statement on every
    // connection without a round trip.
    options: `-c search_path=${quoteIdent(options.schema)}`,
  });
  // An idle connection that the server closes must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const ready = withSessionLock(pool, `chatscreen:migrate:${options.schema}`, (client) =>
    migrate(client, options.schema),
  ).then(() => {});
  ready.catch(() => {});
  let closed = false;

  async function inTransaction<T>(
    writable: boolean,
    work: (tx: StoreTx) => Promise<T>,
  ): Promise<T> {
    const begin = writable ? 'BEGIN' : 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
    await ready;
    for (let attempt = 1; ; attempt += 1) {
      if (closed) throw new Error('store is closed');
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(begin);
        const result = await work(repos(clientDb(client), writable));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has(sqlState(error) ?? '')) continue;
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  return {
    kind: 'postgres',
    schema: options.schema,
    ready,
    transaction: (work) => inTransaction(true, work),
    read: (work) => inTransaction(false, work),
    async close() {
      if (closed) return;
      closed = true;
      await ready.catch(() => {});
      await pool.end();
    },
  };
}
