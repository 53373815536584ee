import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTokens, type TokenRules } from './align.js';

const wordPiece: TokenRules = {
  specialIds: new Set([0, 1, 2, 3]),
  unknownId: 1,
  continuingPrefix: '##',
  endOfWordSuffix: null,
  byteLevel: false,
  metaspace: null,
};

/** Token strings with made-up ids: '[CLS]' -> 2, '[SEP]' -> 3, '[UNK]' -> 1, others from 10. */
function ids(tokens: string[]): number[] {
  return tokens.map((t, i) => (t === '[CLS]' ? 2 : t === '[SEP]' ? 3 : t === '[UNK]' ? 1 : 10 + i));
}

function slices(text: string, tokens: string[], rules: TokenRules = wordPiece) {
  return alignTokens(text, ids(tokens), tokens, rules).map((range) =>
    range === null ? null : text.slice(range.start, range.end),
  );
}

describe('alignTokens', () => {
  it('finds lower-cased WordPiece tokens in the original text, specials get no range', () => {
    const tokens = ['[CLS]', 'you', 'are', 'an', 'idiot', '##s', '!', '[SEP]'];
    expect(slices('You are an IDIOTs!', tokens)).toEqual([
      null,
      'You',
      'are',
      'an',
      'IDIOT',
      's',
      '!',
      null,
    ]);
  });

  it('matches through accents and compatibility forms the normaliser removed', () => {
    expect(slices('Zürich ＩＤＩＯＴ ﬁne', ['zurich', 'idiot', 'fine'])).toEqual([
      'Zürich',
      'ＩＤＩＯＴ',
      'ﬁne',
    ]);
    expect(slices('e\u0301te', ['ete'])).toEqual(['e\u0301te']);
  });

  it('gives unknown tokens the text between their neighbours, word by word', () => {
    expect(slices('hi 🙂 👩‍👩‍👧 you', ['[CLS]', 'hi', '[UNK]', '[UNK]', 'you', '[SEP]'])).toEqual([
      null,
      'hi',
      '🙂',
      '👩‍👩‍👧',
      'you',
      null,
    ]);
    expect(slices('🙂🙂 you', ['[UNK]', '[UNK]', 'you'])).toEqual(['🙂🙂', '🙂🙂', 'you']);
    expect(slices('you', ['you', '[UNK]'])).toEqual(['you', null]);
  });

  it('reads byte-level (GPT-2) tokens, including a space marker and split characters', () => {
    const rules = { ...wordPiece, continuingPrefix: null, byteLevel: true, unknownId: null };
    // "Ġ" is the space byte; "ðŁ" + "ĻĤ" are the two halves of 🙂's UTF-8 bytes.
    expect(slices('you 🙂 idiot', ['you', 'ĠðŁ', 'ĻĤ', 'Ġidiot'], rules)).toEqual([
      'you',
      '🙂',
      '🙂',
      'idiot',
    ]);
  });

  it('reads SentencePiece word markers', () => {
    const rules = { ...wordPiece, continuingPrefix: null, metaspace: '\u2581' };
    expect(slices('you idiot', ['\u2581you', '\u2581id', 'iot'], rules)).toEqual([
      'you',
      'id',
      'iot',
    ]);
  });

  it('never returns a range outside the text or out of order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const words = text.split(/\s+/u).filter((w) => w !== '');
        const tokens = ['[CLS]', ...words.map((w) => w.toLowerCase()), '[UNK]', '[SEP]'];
        const ranges = alignTokens(text, ids(tokens), tokens, wordPiece);
        let last = 0;
        for (const range of ranges) {
          if (range === null) continue;
          expect(range.start).toBeGreaterThanOrEqual(0);
          expect(range.end).toBeLessThanOrEqual(text.length);
          expect(range.start).toBeLessThan(range.end);
          expect(range.start).toBeGreaterThanOrEqual(last);
          last = range.start;
        }
      }),
    );
  });
});
