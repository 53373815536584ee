import { describe, expect, it } from 'vitest';
import { mergeArrivals } from './merge.js';

describe('sorting arrivals into the list on screen', () => {
  const current = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('takes the full order when new rows land above or below the rows on screen', () => {
    const full = ['x', 'a', 'b', 'c', 'd', 'y', 'e', 'f', 'z'];
    expect(mergeArrivals(current, full, { first: 1, last: 3 })).toEqual({ order: full, held: 0 });
  });

  it('holds back rows that would land among the rows on screen', () => {
    const full = ['x', 'a', 'b', 'y', 'c', 'd', 'e', 'f'];
    expect(mergeArrivals(current, full, { first: 1, last: 3 })).toEqual({
      order: ['x', 'a', 'b', 'c', 'd', 'e', 'f'],
      held: 1,
    });
  });

  it('sorts held rows in once the window has moved away from where they go', () => {
    const full = ['x', 'a', 'b', 'y', 'c', 'd', 'e', 'f'];
    const shown = ['x', 'a', 'b', 'c', 'd', 'e', 'f'];
    expect(mergeArrivals(shown, full, { first: 5, last: 6 })).toEqual({ order: full, held: 0 });
  });

  it('takes the full order when nothing is shown yet', () => {
    expect(mergeArrivals([], ['a'], { first: 0, last: 10 })).toEqual({ order: ['a'], held: 0 });
    expect(mergeArrivals(['a'], ['b', 'a'], null)).toEqual({ order: ['b', 'a'], held: 0 });
  });
});
