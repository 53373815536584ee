import type { FlagQuery } from '../store.js';
import { type Placeholder, type SqlQuery, where } from './where.js';

/** FlagRepo.listForRun's statement: one run's flags after a seq, filtered, in seq order. */
export function flagListQuery(runId: string, query: FlagQuery, placeholder: Placeholder): SqlQuery {
  const w = where(placeholder);
  w.conditions.push(`run_id = ${w.bind(runId)}`, `seq > ${w.bind(query.afterSeq ?? 0)}`);
  if (query.category !== undefined) w.conditions.push(`category = ${w.bind(query.category)}`);
  if (query.minScore !== undefined) w.conditions.push(`score >= ${w.bind(query.minScore)}`);
  if (query.maxScore !== undefined) w.conditions.push(`score < ${w.bind(query.maxScore)}`);
  if (query.decided !== undefined) {
    const exists = 'EXISTS (SELECT 1 FROM decisions d WHERE d.flag_id = flags.id)';
    w.conditions.push(query.decided ? exists : `NOT ${exists}`);
  }
  const limit = w.bind(query.limit);
  return {
    sql: `SELECT * FROM flags WHERE ${w.conditions.join(' AND ')} ORDER BY seq LIMIT ${limit}`,
    params: w.params,
  };
}
