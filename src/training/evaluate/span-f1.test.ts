import { describe, expect, it } from 'vitest';
import { charSet, meanSpanF1, postF1 } from './span-f1.js';

describe('SemEval span F1', () => {
  it('scores a post with no gold span 1 only when nothing is predicted', () => {
    expect(postF1(new Set(), new Set())).toBe(1);
    expect(postF1(new Set([1]), new Set())).toBe(0);
  });

  it('is character F1 per post, averaged over posts', () => {
    const gold = charSet([{ start: 10, end: 16 }]);
    const predicted = charSet([{ start: 10, end: 13 }]);
    expect(postF1(predicted, gold)).toBeCloseTo((2 * 1 * 0.5) / 1.5);
    expect(
      meanSpanF1([
        { predicted: gold, gold },
        { predicted: new Set(), gold },
      ]),
    ).toBe(0.5);
  });
});
