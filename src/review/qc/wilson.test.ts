import { describe, expect, it } from 'vitest';
import { wilson } from './wilson.js';

describe('the Wilson score interval (95%)', () => {
  it.each([
    // Reference values computed from the closed form (Wilson 1927), to 4 places.
    [0, 10, 0, 0, 0.2775],
    [5, 10, 0.5, 0.2366, 0.7634],
    [1, 9, 1 / 9, 0.0199, 0.435],
    [10, 10, 1, 0.7225, 1],
    [45, 100, 0.45, 0.3561, 0.5476],
  ])('%d of %d', (count, total, rate, low, high) => {
    const p = wilson(count, total);
    expect(p.rate).toBeCloseTo(rate, 10);
    expect(p.low).toBeCloseTo(low, 4);
    expect(p.high).toBeCloseTo(high, 4);
  });

  it('has no rate and no interval without a trial', () => {
    expect(wilson(0, 0)).toEqual({ count: 0, total: 0, rate: null, low: null, high: null });
  });
});
