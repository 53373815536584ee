import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category, type CategoryScores } from '../../domain/index.js';
import { zeroScores } from './probabilities.js';
import { messageSpans, tokenSpans } from './spans.js';

const thresholds = Object.fromEntries(CATEGORIES.map((c) => [c, 0.5])) as Record<Category, number>;
const scored = (values: Partial<CategoryScores>): CategoryScores => ({
  ...zeroScores(),
  ...values,
});

describe('tokenSpans', () => {
  const text = 'you idiots are stupid, Muslims';
  const ranges = [
    { start: 0, end: 3 },
    { start: 4, end: 9 },
    { start: 9, end: 10 },
    { start: 11, end: 14 },
    { start: 15, end: 21 },
    { start: 21, end: 22 },
    { start: 23, end: 30 },
  ];

  it('merges consecutive flagged tokens of a category and keeps the highest score', () => {
    const scores = [
      scored({}),
      scored({ insult: 0.9 }),
      scored({ insult: 0.7 }),
      scored({}),
      scored({ insult: 0.6, religion: 0.8 }),
      scored({ religion: 0.55 }),
      scored({ religion: 0.9 }),
    ];
    const spans = tokenSpans(
      text,
      [null, ...ranges, null],
      [null, ...scores, null],
      ['religion', 'insult'],
      thresholds,
    );
    expect(spans.map((s) => [text.slice(s.start, s.end), s.category, s.score])).toEqual([
      ['idiots', 'insult', 0.9],
      ['stupid, Muslims', 'religion', 0.9],
      ['stupid', 'insult', 0.6],
    ]);
  });

  it('widens a flagged piece of a word to the whole word, across astral letters', () => {
    const word = '𝒾diots';
    const spans = tokenSpans(
      word,
      [{ start: 2, end: 4 }],
      [scored({ insult: 0.9 })],
      ['insult'],
      thresholds,
    );
    expect(spans.map((s) => word.slice(s.start, s.end))).toEqual(['𝒾diots']);
  });

  it('does not widen across punctuation or emoji', () => {
    const message = '🙂idiot!';
    const spans = tokenSpans(
      message,
      [{ start: 2, end: 7 }],
      [scored({ insult: 0.9 })],
      ['insult'],
      thresholds,
    );
    expect(spans.map((s) => message.slice(s.start, s.end))).toEqual(['idiot']);
  });
});

describe('messageSpans', () => {
  it('flags the trimmed message per category at or above its threshold', () => {
    const spans = messageSpans(
      ' \n hi you \t',
      scored({ insult: 0.5, race: 0.49 }),
      ['race', 'insult'],
      thresholds,
    );
    expect(spans).toEqual([{ start: 3, end: 9, category: 'insult', score: 0.5 }]);
    expect(messageSpans('   ', scored({ insult: 1 }), ['insult'], thresholds)).toEqual([]);
  });
});
