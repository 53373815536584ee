import { describe, expect, it } from 'vitest';
import { auditListQuery, type CaseIdIn } from './audit-list.js';
import { dollarNumber, questionMark } from './where.js';

// The same shapes the two stores pass in.
const inList: CaseIdIn = (ids, w) =>
  ids.length > 0 ? `case_id IN (${ids.map((id) => w.bind(id)).join(', ')})` : '0';
const anyArray: CaseIdIn = (ids, w) =>
  ids.length > 0 ? `case_id = ANY(${w.bind([...ids])}::text[])` : 'false';

describe('auditListQuery', () => {
  it('binds parameters in placeholder order, the case list where it stands', () => {
    const query = {
      afterSeq: 3,
      limit: 50,
      caseIds: ['c1', 'c2'],
      includeCaseless: true,
      action: 'flag.decided',
      actorId: 'u1',
      from: '2024-01-01',
      to: '2024-12-31',
    };
    expect(auditListQuery(query, questionMark, inList)).toEqual({
      sql: 'SELECT * FROM audit_events WHERE seq > ? AND (case_id IN (?, ?) OR case_id IS NULL) AND action = ? AND actor_id = ? AND at >= ? AND at <= ? ORDER BY seq LIMIT ?',
      params: [3, 'c1', 'c2', 'flag.decided', 'u1', '2024-01-01', '2024-12-31', 50],
    });
    expect(auditListQuery(query, dollarNumber, anyArray)).toEqual({
      sql: 'SELECT * FROM audit_events WHERE seq > $1 AND (case_id = ANY($2::text[]) OR case_id IS NULL) AND action = $3 AND actor_id = $4 AND at >= $5 AND at <= $6 ORDER BY seq LIMIT $7',
      params: [3, ['c1', 'c2'], 'flag.decided', 'u1', '2024-01-01', '2024-12-31', 50],
    });
  });

  it.each([
    { placeholder: questionMark, caseIdIn: inList, sql: 'seq > ? AND 0 ORDER BY seq LIMIT ?' },
    {
      placeholder: dollarNumber,
      caseIdIn: anyArray,
      sql: 'seq > $1 AND false ORDER BY seq LIMIT $2',
    },
  ])('an empty case list matches nothing ($sql)', ({ placeholder, caseIdIn, sql }) => {
    expect(auditListQuery({ limit: 5, caseIds: [] }, placeholder, caseIdIn)).toEqual({
      sql: `SELECT * FROM audit_events WHERE ${sql}`,
      params: [0, 5],
    });
  });
});
