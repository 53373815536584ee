import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './router.js';

describe('hash routes', () => {
  it.each<Route>([
    { name: 'cases' },
    { name: 'case', caseId: 'c_1' },
    { name: 'report', caseId: 'c_1' },
    { name: 'review', runId: 'r_1' },
    { name: 'qc', runId: 'r_1' },
    { name: 'replay', runId: 'r_1', replayId: null },
    { name: 'replay', runId: 'r_1', replayId: 'p_2' },
    { name: 'audit', tab: 'events' },
  ])('round-trips %o', (route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it('falls back to the case list', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'cases' });
    expect(parseRoute('')).toEqual({ name: 'cases' });
  });
});
