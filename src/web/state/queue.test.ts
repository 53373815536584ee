import { describe, expect, it } from 'vitest';
import type { FlagView } from '../api/types.js';
import { pushHistory } from './history.js';
import { DEFAULT_FILTERS, FlagQueue, nextUndecided } from './queue.js';

function flag(
  seq: number,
  score: number,
  messageSeq: number,
  category: FlagView['category'] = 'insult',
): FlagView {
  return {
    id: `f${seq}`,
    runId: 'r',
    seq,
    messageId: `m${messageSeq}`,
    messageSeq,
    start: 0,
    end: 3,
    category,
    score,
    text: 'abc',
    model: { id: 'm', sha256: 'x' },
  };
}

describe('the flag queue', () => {
  const queue = new FlagQueue();
  queue.add([flag(1, 0.6, 30), flag(2, 0.95, 10, 'threat'), flag(3, 0.75, 20), flag(4, 0.95, 5)]);

  it('ignores a flag it already holds', () => {
    expect(queue.add([flag(1, 0.6, 30)])).toBe(0);
    expect(queue.size).toBe(4);
    expect(queue.lastSeq()).toBe(4);
  });

  it('sorts by score (ties by arrival) or by conversation order', () => {
    expect(queue.order(DEFAULT_FILTERS)).toEqual(['f2', 'f4', 'f3', 'f1']);
    expect(queue.order({ ...DEFAULT_FILTERS, sort: 'conversation' })).toEqual([
      'f4',
      'f2',
      'f3',
      'f1',
    ]);
  });

  it('filters by category, score band and decision', () => {
    expect(queue.order({ ...DEFAULT_FILTERS, category: 'threat' })).toEqual(['f2']);
    expect(queue.order({ ...DEFAULT_FILTERS, band: 'medium' })).toEqual(['f3']);
    expect(queue.order({ ...DEFAULT_FILTERS, band: 'high' })).toEqual(['f2', 'f4']);
    queue.setDecision('f2', 'relevant');
    expect(queue.order({ ...DEFAULT_FILTERS, decided: 'undecided' })).toEqual(['f4', 'f3', 'f1']);
    expect(queue.order({ ...DEFAULT_FILTERS, decided: 'decided' })).toEqual(['f2']);
    queue.setDecision('f2', null);
    expect(queue.decidedCount()).toBe(0);
  });

  it('moves on to the next undecided flag, else the next one', () => {
    const order = ['a', 'b', 'c', 'd'];
    const decided = new Set(['b', 'c']);
    expect(nextUndecided(order, 0, (id) => decided.has(id))).toBe('d');
    expect(nextUndecided(order, 3, (id) => decided.has(id))).toBeNull();
    expect(nextUndecided(['a', 'b'], 0, () => true)).toBe('b');
  });
});

describe('the recent decisions', () => {
  it('keeps the ten newest, one per flag', () => {
    let history = pushHistory([], {
      flagId: 'f0',
      decisionId: 'd',
      outcome: 'relevant',
      reason: 'r',
      decidedAt: '',
    });
    for (let i = 1; i <= 12; i += 1) {
      history = pushHistory(history, {
        flagId: `f${i}`,
        decisionId: `d${i}`,
        outcome: 'relevant',
        reason: 'r',
        decidedAt: '',
      });
    }
    expect(history.map((h) => h.flagId)).toEqual([
      'f12',
      'f11',
      'f10',
      'f9',
      'f8',
      'f7',
      'f6',
      'f5',
      'f4',
      'f3',
    ]);
    history = pushHistory(history, {
      flagId: 'f5',
      decisionId: 'x',
      outcome: 'not_relevant',
      reason: 'r',
      decidedAt: '',
    });
    expect(history[0]?.flagId).toBe('f5');
    expect(history.filter((h) => h.flagId === 'f5')).toHaveLength(1);
  });
});
