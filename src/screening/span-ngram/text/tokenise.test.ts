import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenKind, tokenise } from './tokenise.js';

const words = (text: string) => tokenise(text).tokens.map((t) => text.slice(t.start, t.end));

describe('tokenise', () => {
  it('keeps exact UTF-16 offsets around emoji, ZWJ sequences, skin tones and flags', () => {
    const text = 'ok 👩‍👩‍👧 then 👍🏿 and 🏳️‍🌈 end';
    expect(words(text)).toEqual(['ok', '👩‍👩‍👧', 'then', '👍🏿', 'and', '🏳️‍🌈', 'end']);
    const kinds = tokenise(text).tokens.map((t) => t.kind);
    expect(kinds.filter((k) => k === TokenKind.Emoji)).toHaveLength(3);
  });

  it('keeps combining marks and zero-width characters inside the word they disguise', () => {
    const text = 'you i\u0301diot and f\u200Buck';
    const tokens = tokenise(text).tokens;
    expect(tokens.map((t) => t.folded)).toEqual(['you', 'idiot', 'and', 'fuck']);
    expect(words(text)).toEqual(['you', 'i\u0301diot', 'and', 'f\u200Buck']);
  });

  it('reads right-to-left marks as separators and Arabic letters as letters', () => {
    const text = '\u200Fمرحبا\u200F hello';
    expect(words(text)).toEqual(['مرحبا', 'hello']);
  });

  it('keeps obfuscating symbols inside words and drops them at the end', () => {
    expect(tokenise('sh!t f*ck f*** idiot!!! $hit').tokens.map((t) => t.folded)).toEqual([
      'sh!t',
      'f*ck',
      'f***',
      'idiot',
      '$hit',
    ]);
  });

  it('marks sentences, questions, clauses and quotation marks', () => {
    const { tokens, questions } = tokenise('He said "they are vile", didn\'t he? Yes. f.u.c.k');
    expect(tokens.map((t) => [t.folded, t.sentence, t.quoted])).toEqual([
      ['he', 0, false],
      ['said', 0, false],
      ['they', 0, true],
      ['are', 0, true],
      ['vile', 0, true],
      ['didnt', 0, false],
      ['he', 0, false],
      ['yes', 1, false],
      ['f', 2, false],
      ['u', 2, false],
      ['c', 2, false],
      ['k', 2, false],
    ]);
    expect(questions).toEqual([true, false, false]);
  });

  it('reads single quotes as quotation only when they close', () => {
    expect(tokenise("'vermin' she said").tokens.map((t) => t.quoted)).toEqual([true, false, false]);
    expect(tokenise("'em all, get them").tokens.every((t) => !t.quoted)).toBe(true);
  });

  it('reads mentions, urls and corpus placeholders', () => {
    const tokens = tokenise('@dave see https://x.com/a?b=1 <user> [URL]').tokens;
    expect(tokens.map((t) => t.folded)).toEqual(['<user>', 'see', '<url>', '<user>', '<url>']);
  });

  it('gives tokens in order, inside the text, never overlapping, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        let last = 0;
        for (const t of tokenise(text).tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          last = t.end;
        }
      }),
    );
  });
});
