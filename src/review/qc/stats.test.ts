import { describe, expect, it } from 'vitest';
import type { DecisionOutcome } from '../../domain/index.js';
import type { QcItemRecord } from '../../store/index.js';
import { qcStats } from './stats.js';

function item(id: string, kind: 'flag' | 'message'): QcItemRecord {
  return {
    id,
    sampleId: 's',
    runId: 'r',
    caseId: 'c',
    position: 0,
    kind,
    flagId: kind === 'flag' ? `f-${id}` : null,
    messageId: `m-${id}`,
    messageSeq: 0,
    firstDecisionId: kind === 'flag' ? `d-${id}` : null,
    assignedTo: 'u2',
  };
}

describe('second-review statistics', () => {
  it('counts agreement over all pairs and overturns over definite pairs only', () => {
    const firsts: [string, DecisionOutcome, DecisionOutcome | null][] = [
      ['a', 'relevant', 'relevant'],
      ['b', 'relevant', 'not_relevant'],
      ['c', 'not_relevant', 'not_relevant'],
      ['d', 'needs_second_review', 'relevant'],
      ['e', 'relevant', null],
    ];
    const stats = qcStats({
      items: [...firsts.map(([id]) => item(id, 'flag')), item('m1', 'message')],
      firstOutcomes: new Map(firsts.map(([id, first]) => [`d-${id}`, first])),
      secondOutcomes: new Map(
        firsts.flatMap(([id, , second]) => (second === null ? [] : [[id, second] as const])),
      ),
      unflaggedPopulation: 1000,
    });
    expect(stats.flags).toMatchObject({
      sampled: 5,
      reviewed: 4,
      agreement: { count: 2, total: 4, rate: 0.5 },
      overturn: { count: 1, total: 3 },
    });
    expect(stats.flags.pairs.relevant.not_relevant).toBe(1);
    expect(stats.flags.pairs.needs_second_review.relevant).toBe(1);
    expect(stats.unflagged).toMatchObject({ sampled: 1, reviewed: 0, estimatedMissed: null });
  });

  it('estimates misses among unflagged messages with the interval scaled to the population', () => {
    const items = Array.from({ length: 10 }, (_, i) => item(`m${i}`, 'message'));
    const stats = qcStats({
      items,
      firstOutcomes: new Map(),
      secondOutcomes: new Map(items.map((it, i) => [it.id, i < 1 ? 'relevant' : 'not_relevant'])),
      unflaggedPopulation: 500,
    });
    expect(stats.unflagged.missed).toMatchObject({ count: 1, total: 10, rate: 0.1 });
    expect(stats.unflagged.estimatedMissed?.value).toBeCloseTo(50, 10);
    expect(stats.unflagged.estimatedMissed?.low).toBeCloseTo(
      500 * (stats.unflagged.missed.low ?? 0),
    );
    expect(stats.flags.agreement.rate).toBeNull();
  });
});
