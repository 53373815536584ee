import type { Database } from 'better-sqlite3';
import { type FlagRow, toFlag } from '../rows/flags.js';
import { flagListQuery } from '../sql/flag-list.js';
import { questionMark } from '../sql/where.js';
import type { FlagRepo } from '../store.js';

export function sqliteFlags(db: Database): FlagRepo {
  const byId = db.prepare('SELECT * FROM flags WHERE id = ?');
  const all = db.prepare(
    'SELECT * FROM flags WHERE run_id = ? ORDER BY message_seq, start, "end", category',
  );
  const decided = db.prepare(
    `SELECT f.* FROM flags f JOIN runs r ON r.id = f.run_id
     WHERE r.case_id = ? AND EXISTS (SELECT 1 FROM decisions d WHERE d.flag_id = f.id)
     ORDER BY r.created_at, r.id, f.seq`,
  );
  return {
    async listForRun(runId, query) {
      const { sql, params } = flagListQuery(runId, query, questionMark);
      return (db.prepare(sql).all(...params) as FlagRow[]).map(toFlag);
    },
    async get(id) {
      const row = byId.get(id) as FlagRow | undefined;
      return row === undefined ? null : toFlag(row);
    },
    async allForRun(runId) {
      return (all.all(runId) as FlagRow[]).map(toFlag);
    },
    async decidedForCase(caseId) {
      return (decided.all(caseId) as FlagRow[]).map(toFlag);
    },
  };
}
