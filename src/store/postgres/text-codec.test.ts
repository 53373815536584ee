import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from './text-codec.js';

describe('PostgreSQL text codec', () => {
  it.each([
    ['', ''],
    ['plain', 'plain'],
    ['a\u0000b', 'a\u00010b'],
    ['\u0001', '\u0001\u0001'],
    ['\u00010', '\u0001\u00010'],
  ])('encodes %j as %j and back', (raw, encoded) => {
    expect(encodeText(raw)).toBe(encoded);
    expect(decodeText(encoded)).toBe(raw);
  });

  it('round-trips any string and never writes U+0000', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const encoded = encodeText(raw);
        expect(encoded.includes('\u0000')).toBe(false);
        expect(decodeText(encoded)).toBe(raw);
      }),
    );
  });
});
