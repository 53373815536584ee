import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import type { Store, StoreTx } from '../store.js';
import { sqliteAudit } from './audit.js';
import { sqliteCases } from './cases.js';
import { sqliteDecisions } from './decisions.js';
import { sqliteExports } from './exports.js';
import { sqliteFlags } from './flags.js';
import { sqliteMessages } from './messages.js';
import { migrate } from './migrations.js';
import { Mutex } from './mutex.js';
import { sqliteQc } from './qc.js';
import { sqliteReplays } from './replays.js';
import { sqliteRuns } from './runs.js';
import { sqliteUsers } from './users.js';

export const SQLITE_FILE = 'chatscreen.sqlite';

/**
 * The embedded store: one better-sqlite3 connection in WAL mode, migrated on open. Transactions
 * are serialised by a mutex in this process and by `BEGIN IMMEDIATE` across processes (the CLI
 * may write while the server runs; busy_timeout makes it wait its turn).
 */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseConstructor(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const tx: StoreTx = {
    users: sqliteUsers(db),
    cases: sqliteCases(db),
    exports: sqliteExports(db),
    messages: sqliteMessages(db),
    runs: sqliteRuns(db),
    flags: sqliteFlags(db),
    decisions: sqliteDecisions(db),
    replays: sqliteReplays(db),
    qc: sqliteQc(db),
    audit: sqliteAudit(db),
  };
  const mutex = new Mutex();
  let closed = false;

  async function inTransaction<T>(begin: string, work: (t: StoreTx) => Promise<T>): Promise<T> {
    return mutex.run(async () => {
      if (closed) throw new Error('store is closed');
      db.exec(begin);
      try {
        const result = await work(tx);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  return {
    kind: 'sqlite',
    transaction: (work) => inTransaction('BEGIN IMMEDIATE', work),
    read: (work) => inTransaction('BEGIN DEFERRED', work),
    async close() {
      await mutex.run(async () => {
        if (closed) return;
        closed = true;
        db.close();
      });
    },
  };
}
