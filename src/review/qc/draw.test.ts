import { describe, expect, it } from 'vitest';
import { assignReviewers, drawBySeed, shareCount } from './draw.js';

const ids = Array.from({ length: 200 }, (_, i) => `f_${i}`);

describe('seeded sampling', () => {
  it('draws the same items for the same seed, whatever the order of the candidates', () => {
    const a = drawBySeed(ids, (id) => id, 20, 'seed-1');
    const b = drawBySeed([...ids].reverse(), (id) => id, 20, 'seed-1');
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(20);
  });

  it('draws other items for another seed', () => {
    const a = drawBySeed(ids, (id) => id, 20, 'seed-1');
    const c = drawBySeed(ids, (id) => id, 20, 'seed-2');
    expect(a).not.toEqual(c);
  });

  it('extends a smaller draw: the first n of a larger draw', () => {
    const small = drawBySeed(ids, (id) => id, 5, 's');
    expect(drawBySeed(ids, (id) => id, 50, 's').slice(0, 5)).toEqual(small);
  });

  it.each([
    [0.1, 30, 3],
    [0.1, 5, 1],
    [0, 100, 0],
    [1, 7, 7],
    [0.5, 0, 0],
    [0.25, 10, 3],
  ])('a share of %d of %d is %d', (share, eligible, count) => {
    expect(shareCount(share, eligible)).toBe(count);
  });
});

describe('assigning second reviewers', () => {
  it('never gives an item to someone excluded from it, and balances the rest', () => {
    const excluded = [
      new Set(['ana']),
      new Set(['ana']),
      new Set<string>(),
      new Set<string>(),
      new Set(['ben']),
      new Set(['ana', 'ben']),
    ];
    const assigned = assignReviewers(excluded, ['ana', 'ben', 'cy']);
    expect(assigned).toEqual(['ben', 'cy', 'ana', 'ana', 'cy', 'cy']);
    assigned.forEach((who, i) => {
      expect(excluded[i]?.has(who ?? '')).toBe(false);
    });
  });

  it('gives null when nobody may take an item', () => {
    expect(assignReviewers([new Set(['ana'])], ['ana'])).toEqual([null]);
  });
});
