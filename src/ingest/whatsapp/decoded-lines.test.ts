import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Eol, type RawLineSink, RawLineSplitter } from '../text/line-reader.js';
import { DecodedLines } from './decoded-lines.js';

/**
 * Every line the splitter gives, asked of DecodedLines in turn (as the assembler does): what it
 * gives is exactly `Buffer#toString` of the line from an ASCII prefix on, or null.
 */
class Checker implements RawLineSink {
  taken = 0;
  lines = 0;
  constructor(
    private readonly decoded: DecodedLines,
    private readonly prefix: (buf: Buffer, start: number, end: number) => number,
  ) {}

  line(buf: Buffer, start: number, end: number, byteOffset: number, _line: number, eol: Eol): void {
    this.lines += 1;
    const skip = this.prefix(buf, start, end);
    const text = this.decoded.take(byteOffset, end - start, eol, skip);
    if (text === null) return;
    this.taken += 1;
    expect(text).toBe(buf.toString('utf8', start + skip, end));
  }

  overlong(): void {}
}

/** ASCII bytes at the start of the line, up to 5 (one UTF-16 unit each). */
function asciiPrefix(buf: Buffer, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 5 && (buf[i] ?? 0x80) < 0x80) i += 1;
  return i - start;
}

function run(bytes: Buffer, pieceSize: number, maxLineBytes = 1 << 20): Checker {
  const decoded = new DecodedLines();
  const checker = new Checker(decoded, asciiPrefix);
  const splitter = new RawLineSplitter(checker, { maxLineBytes });
  for (let at = 0; at < bytes.length; at += pieceSize) {
    const piece = bytes.subarray(at, at + pieceSize);
    decoded.load(piece, at);
    splitter.push(piece);
  }
  splitter.end();
  return checker;
}

const PARTS = [
  'a',
  'Hello ',
  '12/03/2021, 09:15 - ',
  'Привет',
  '東京',
  '😀',
  '👩‍👩‍👧',
  '\u200e',
  '\ufeff',
  '\ufffd',
  '\r',
  ': ',
  '\n',
  '\r\n',
];

describe('DecodedLines', () => {
  it('gives the texts of the lines after the first break of each piece', () => {
    const text = 'first\nПривет: мир\r\n😀 x\n\nlast line\n';
    const checker = run(Buffer.from(text), 1 << 16);
    expect(checker.lines).toBe(5);
    expect(checker.taken).toBe(4);
  });

  it('leaves a piece with invalid UTF-8 to the per-line decoding', () => {
    const bytes = Buffer.concat([
      Buffer.from('a\nb\n'),
      Buffer.from([0xff, 0x0a]),
      Buffer.from('c\n'),
    ]);
    expect(run(bytes, 1 << 16).taken).toBe(0);
  });

  it('keeps a byte order mark inside the text and skips the first line of the file', () => {
    const bytes = Buffer.from('\ufeffhead\n\ufeffx\n');
    const checker = run(bytes, 1 << 16);
    expect(checker.taken).toBe(1);
  });

  it('matches Buffer#toString whatever the pieces, breaks and bytes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...PARTS.map((p) => Buffer.from(p))),
            fc.uint8Array({ maxLength: 4 }),
          ),
          {
            maxLength: 400,
          },
        ),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 64 }),
        (parts, pieceSize, maxLineBytes) => {
          const bytes = Buffer.concat(parts);
          run(bytes, pieceSize);
          run(bytes, pieceSize, maxLineBytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
