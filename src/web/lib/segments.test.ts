import { describe, expect, it } from 'vitest';
import { segmentText } from './segments.js';

/** Emoji with ZWJ, Arabic (RTL) with a right-to-left mark, a combining accent, an astral symbol. */
const TEXT = 'Hi 👩‍👩‍👧 مرحبا\u200f idiot e\u0301 𝒳 scum';

function span(id: string, word: string, current = false) {
  const start = TEXT.indexOf(word);
  return { id, start, end: start + word.length, current };
}

describe('segmenting a message at flag boundaries', () => {
  it('marks exactly the flagged UTF-16 ranges, whatever the text around them', () => {
    const idiot = span('a', 'idiot', true);
    const segments = segmentText(TEXT, [idiot, span('b', 'scum')]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    const marked = segments.filter((s) => s.spans.some((x) => x.current));
    expect(marked.map((s) => s.text)).toEqual(['idiot']);
    expect(marked[0]?.start).toBe(idiot.start);
    expect(segments.find((s) => s.spans.some((x) => x.id === 'b'))?.text).toBe('scum');
  });

  it('marks a span inside a ZWJ sequence and an RTL word without moving it', () => {
    const family = span('f', '👩‍👩‍👧', true);
    expect(family.end - family.start).toBe(8);
    const rtl = span('r', 'مرحبا\u200f');
    const segments = segmentText(TEXT, [family, rtl]);
    expect(segments.find((s) => s.spans.some((x) => x.id === 'f'))?.text).toBe('👩‍👩‍👧');
    expect(segments.find((s) => s.spans.some((x) => x.id === 'r'))?.text).toBe('مرحبا\u200f');
  });

  it('splits overlapping spans into covered pieces and keeps a combining mark with its base', () => {
    const accent = TEXT.indexOf('e\u0301');
    const outer = { id: 'o', start: accent, end: accent + 2, current: true };
    const inner = { id: 'i', start: accent + 1, end: accent + 4, current: false };
    const segments = segmentText(TEXT, [outer, inner]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    const both = segments.find((s) => s.spans.length === 2);
    expect(both?.text).toBe('\u0301');
  });

  it('clamps spans to the text and ignores empty ones', () => {
    const segments = segmentText('abc', [
      { id: 'x', start: 2, end: 99, current: true },
      { id: 'y', start: 1, end: 1, current: false },
    ]);
    expect(segments.map((s) => [s.text, s.spans.length])).toEqual([
      ['ab', 0],
      ['c', 1],
    ]);
  });
});
