import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Eol,
  LineSplitter,
  type RawLineSink,
  readLines,
  scanRawLines,
  type TextLine,
} from './line-reader.js';

function split(bytes: Buffer, chunkSize = bytes.length || 1, maxLineBytes?: number): TextLine[] {
  const splitter = new LineSplitter(maxLineBytes === undefined ? {} : { maxLineBytes });
  const out: TextLine[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) {
    out.push(...splitter.push(bytes.subarray(i, i + chunkSize)));
  }
  out.push(...splitter.end());
  return out;
}

const b = (s: string): Buffer => Buffer.from(s, 'utf8');
const brief = (lines: TextLine[]) =>
  lines.map((l) => [l.text, l.byteOffset, l.byteLength, l.line, l.eol]);

describe('LineSplitter', () => {
  it.each([
    ['empty input', '', []],
    ['one line, no terminator', 'abc', [['abc', 0, 3, 1, '']]],
    [
      'LF',
      'a\nbc\n',
      [
        ['a', 0, 1, 1, '\n'],
        ['bc', 2, 2, 2, '\n'],
      ],
    ],
    [
      'CRLF',
      'a\r\nbc\r\n',
      [
        ['a', 0, 1, 1, '\r\n'],
        ['bc', 3, 2, 2, '\r\n'],
      ],
    ],
    [
      'mixed, empty lines',
      'a\n\r\n\nb',
      [
        ['a', 0, 1, 1, '\n'],
        ['', 2, 0, 2, '\r\n'],
        ['', 4, 0, 3, '\n'],
        ['b', 5, 1, 4, ''],
      ],
    ],
    ['lone CR is content', 'a\rb\n', [['a\rb', 0, 3, 1, '\n']]],
    ['CR at the very end', 'a\r', [['a\r', 0, 2, 1, '']]],
    [
      'BOM is not text; offsets stay in the file',
      '\uFEFFhi\nyo',
      [
        ['hi', 3, 2, 1, '\n'],
        ['yo', 6, 2, 2, ''],
      ],
    ],
    ['BOM only', '\uFEFF', []],
    [
      'a BOM later is content',
      'a\n\uFEFFb',
      [
        ['a', 0, 1, 1, '\n'],
        ['\uFEFFb', 2, 4, 2, ''],
      ],
    ],
    ['multi-byte text', 'é👍\n', [['é👍', 0, 6, 1, '\n']]],
  ] as const)('%s', (_name, input, expected) => {
    for (const chunk of [1, 2, 3, 5, 64]) {
      expect(brief(split(b(input), chunk))).toEqual(expected);
    }
  });

  it('flags invalid UTF-8 but not a genuine U+FFFD', () => {
    const lines = split(
      Buffer.concat([b('ok \uFFFD\n'), Buffer.from([0x61, 0xff, 0x62, 0x0a])]),
      2,
    );
    expect(lines.map((l) => [l.text, l.invalidUtf8])).toEqual([
      ['ok \uFFFD', false],
      ['a\uFFFDb', true],
    ]);
  });

  it('never buffers a line over the cap, within or across chunks', () => {
    const input = b(`short\n${'x'.repeat(50)}\r\nafter\n${'y'.repeat(20)}`);
    for (const chunk of [1, 7, 16, 1000]) {
      const lines = split(input, chunk, 10);
      expect(
        lines.map((l) => [l.text, l.overlong, l.byteOffset, l.byteLength, l.line, l.eol]),
      ).toEqual([
        ['short', false, 0, 5, 1, '\n'],
        ['', true, 6, 50, 2, '\r\n'],
        ['after', false, 58, 5, 3, '\n'],
        ['', true, 64, 20, 4, ''],
      ]);
    }
  });

  it('keeps a line exactly at the cap, and its CRLF', () => {
    const lines = split(b('0123456789\r\nx'), 3, 10);
    expect(lines.map((l) => [l.text, l.overlong, l.eol])).toEqual([
      ['0123456789', false, '\r\n'],
      ['x', false, ''],
    ]);
  });

  it('property: lines and terminators rebuild the bytes exactly, whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('\n', '\r\n', '\r', 'é', '👍', '\uFEFF', ' '),
            fc.string({ maxLength: 5 }),
          ),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 17 }),
        (parts, chunk) => {
          const bytes = b(parts.join(''));
          const lines = split(bytes, chunk);
          const hasBom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
          const rebuilt = Buffer.concat([
            hasBom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
            ...lines.map((l) => Buffer.concat([b(l.text), b(l.eol)])),
          ]);
          expect(rebuilt.equals(bytes)).toBe(true);
          for (const l of lines) {
            expect(bytes.subarray(l.byteOffset, l.byteOffset + l.byteLength).toString('utf8')).toBe(
              l.text,
            );
          }
        },
      ),
    );
  });
});

describe('stream helpers', () => {
  it('readLines works over a Readable of Buffers and of strings', async () => {
    const fromBuffers: string[] = [];
    for await (const l of readLines(Readable.from([b('a\nb'), b('c\n')]))) fromBuffers.push(l.text);
    const fromStrings: string[] = [];
    for await (const l of readLines(Readable.from(['x\r\n', 'y']))) fromStrings.push(l.text);
    expect(fromBuffers).toEqual(['a', 'bc']);
    expect(fromStrings).toEqual(['x', 'y']);
  });

  it('scanRawLines hands a sink the bytes of each line without decoding', async () => {
    const seen: [string, number, number, Eol][] = [];
    const overlong: number[] = [];
    const sink: RawLineSink = {
      line: (buf, start, end, byteOffset, line, eol) =>
        seen.push([buf.toString('latin1', start, end), byteOffset, line, eol]),
      overlong: (byteOffset) => overlong.push(byteOffset),
    };
    await scanRawLines(Readable.from([b('ab\r'), b('\ncdefgh\nij')]), sink, { maxLineBytes: 4 });
    expect(seen).toEqual([
      ['ab', 0, 1, '\r\n'],
      ['ij', 11, 3, ''],
    ]);
    expect(overlong).toEqual([4]);
  });
});
