import { type FlagRow, toFlag } from '../rows/flags.js';
import type { FlagRepo } from '../store.js';
import type { Db, Param } from './db.js';

export function pgFlags(db: Db): FlagRepo {
  return {
    async listForRun(runId, query) {
      const params: Param[] = [runId, query.afterSeq ?? 0];
      const where = ['run_id = $1', 'seq > $2'];
      const add = (clause: (n: string) => string, value: Param) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (query.category !== undefined) add((p) => `category = ${p}`, query.category);
      if (query.minScore !== undefined) add((p) => `score >= ${p}`, query.minScore);
      if (query.maxScore !== undefined) add((p) => `score < ${p}`, query.maxScore);
      if (query.decided !== undefined) {
        const exists = 'EXISTS (SELECT 1 FROM decisions d WHERE d.flag_id = flags.id)';
        where.push(query.decided ? exists : `NOT ${exists}`);
      }
      params.push(query.limit);
      const rows = await db.rows<FlagRow>(
        `SELECT * FROM flags WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.length}`,
        params,
      );
      return rows.map(toFlag);
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
