import { type FlagRow, toFlag } from '../rows/flags.js';
import { flagListQuery } from '../sql/flag-list.js';
import { dollarNumber } from '../sql/where.js';
import type { FlagRepo } from '../store.js';
import type { Db } from './db.js';

export function pgFlags(db: Db): FlagRepo {
  return {
    async listForRun(runId, query) {
      const { sql, params } = flagListQuery(runId, query, dollarNumber);
      return (await db.rows<FlagRow>(sql, params)).map(toFlag);
    },
    async get(id) {
      const row = await db.one<FlagRow>('SELECT * FROM flags WHERE id = $1', [id]);
      return row === null ? null : toFlag(row);
    },
    async allForRun(runId) {
      const rows = await db.rows<FlagRow>(
        'SELECT * FROM flags WHERE run_id = $1 ORDER BY message_seq, start, "end", category',
        [runId],
      );
      return rows.map(toFlag);
    },
    async decidedForCase(caseId) {
      const rows = await db.rows<FlagRow>(
        `SELECT f.* FROM flags f JOIN runs r ON r.id = f.run_id
         WHERE r.case_id = $1 AND EXISTS (SELECT 1 FROM decisions d WHERE d.flag_id = f.id)
         ORDER BY r.created_at, r.id, f.seq`,
        [caseId],
      );
      return rows.map(toFlag);
    },
  };
}
