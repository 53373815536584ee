import { describe, expect, it } from 'vitest';
import { flagListQuery } from './flag-list.js';
import { dollarNumber, questionMark } from './where.js';

const exists = 'EXISTS (SELECT 1 FROM decisions d WHERE d.flag_id = flags.id)';

describe('flagListQuery', () => {
  it.each([
    {
      name: 'no filters',
      query: { limit: 10 },
      sqlite: 'SELECT * FROM flags WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      pg: 'SELECT * FROM flags WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      params: ['r1', 0, 10],
    },
    {
      name: 'every filter',
      query: {
        afterSeq: 5,
        limit: 10,
        category: 'threat' as const,
        minScore: 0.5,
        maxScore: 0.9,
        decided: false,
      },
      sqlite: `SELECT * FROM flags WHERE run_id = ? AND seq > ? AND category = ? AND score >= ? AND score < ? AND NOT ${exists} ORDER BY seq LIMIT ?`,
      pg: `SELECT * FROM flags WHERE run_id = $1 AND seq > $2 AND category = $3 AND score >= $4 AND score < $5 AND NOT ${exists} ORDER BY seq LIMIT $6`,
      params: ['r1', 5, 'threat', 0.5, 0.9, 10],
    },
  ])('$name', ({ query, sqlite, pg, params }) => {
    expect(flagListQuery('r1', query, questionMark)).toEqual({ sql: sqlite, params });
    expect(flagListQuery('r1', query, dollarNumber)).toEqual({ sql: pg, params });
  });
});
