import type { AuditQuery } from '../store.js';
import { type Placeholder, type SqlQuery, type Where, where } from './where.js';

/**
 * The one condition the backends write differently, "`case_id` is one of `caseIds`": SQLite as
 * `case_id IN (?, ?, ...)`, PostgreSQL as `case_id = ANY($n::text[])`, and each its own false
 * literal when the list is empty.
 */
export type CaseIdIn = (caseIds: readonly string[], w: Where) => string;

/** AuditRepo.list's statement: events after a seq, filtered, in seq order. */
export function auditListQuery(
  query: AuditQuery,
  placeholder: Placeholder,
  caseIdIn: CaseIdIn,
): SqlQuery {
  const w = where(placeholder);
  w.conditions.push(`seq > ${w.bind(query.afterSeq ?? 0)}`);
  if (query.caseIds !== undefined) {
    const inCases = caseIdIn(query.caseIds, w);
    w.conditions.push(query.includeCaseless === true ? `(${inCases} OR case_id IS NULL)` : inCases);
  }
  if (query.action !== undefined) w.conditions.push(`action = ${w.bind(query.action)}`);
  if (query.actorId !== undefined) w.conditions.push(`actor_id = ${w.bind(query.actorId)}`);
  if (query.from !== undefined) w.conditions.push(`at >= ${w.bind(query.from)}`);
  if (query.to !== undefined) w.conditions.push(`at <= ${w.bind(query.to)}`);
  const limit = w.bind(query.limit);
  return {
    sql: `SELECT * FROM audit_events WHERE ${w.conditions.join(' AND ')} ORDER BY seq LIMIT ${limit}`,
    params: w.params,
  };
}
