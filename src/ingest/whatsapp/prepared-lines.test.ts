import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Eol, type RawLineSink, RawLineSplitter } from '../text/line-reader.js';
import { newByteHeader, readCommonHeaderBytes } from './header-bytes.js';
import {
  BYTE_LENGTH,
  BYTE_OFFSET,
  END,
  EOL,
  EOLS,
  FIELD0,
  HEADER,
  HOUR,
  IN_PIECE,
  LINE_INTS,
  LINE_NUMBER,
  LINE_NUMBERS,
  LinePreparer,
  MINUTE,
  NAME_ID,
  OVERLONG,
  type PreparedBlock,
  REST,
  SECOND,
  SEPARATOR,
  START,
  TEXT,
  UNITS,
  WHERE,
} from './prepared-lines.js';
import { nextSeparator, separatorLimit } from './separator-bytes.js';

/** A line as the plain splitter gives it: the reference the prepared records are checked against. */
interface Expected {
  bytes: Buffer | null;
  byteOffset: number;
  byteLength: number;
  line: number;
  eol: Eol;
}

class Collect implements RawLineSink {
  readonly lines: Expected[] = [];
  line(buf: Buffer, start: number, end: number, byteOffset: number, line: number, eol: Eol): void {
    const bytes = Buffer.from(buf.subarray(start, end));
    this.lines.push({ bytes, byteOffset, byteLength: end - start, line, eol });
  }
  overlong(byteOffset: number, byteLength: number, line: number, eol: Eol): void {
    this.lines.push({ bytes: null, byteOffset, byteLength, line, eol });
  }
}

function expectedLines(bytes: Buffer, pieceSize: number, maxLineBytes: number): Expected[] {
  const sink = new Collect();
  const splitter = new RawLineSplitter(sink, { maxLineBytes });
  for (let at = 0; at < bytes.length; at += pieceSize) {
    splitter.push(bytes.subarray(at, at + pieceSize));
  }
  splitter.end();
  return sink.lines;
}

function preparedBlocksOf(
  bytes: Buffer,
  pieceSize: number,
  maxLineBytes: number,
  copyTexts: boolean,
): PreparedBlock[] {
  const preparer = new LinePreparer(maxLineBytes, copyTexts);
  const blocks: PreparedBlock[] = [];
  for (let at = 0; at < bytes.length; at += pieceSize) {
    blocks.push(preparer.prepare(bytes.subarray(at, at + pieceSize)));
  }
  blocks.push(preparer.end());
  return blocks;
}

/**
 * Checks every record against the plain splitter and the byte readers: same lines, same places,
 * the same header reading, and a decoded text (where there is one) equal to `Buffer#toString`.
 * Returns how many lines had their text from the piece's decoding.
 */
function check(bytes: Buffer, pieceSize: number, maxLineBytes = 1 << 20): number {
  const expected = expectedLines(bytes, pieceSize, maxLineBytes);
  let i = 0;
  let decoded = 0;
  /** Each name's bytes have one number, and no two names share one. */
  const idOfName = new Map<string, number>();
  const nameOfId = new Map<number, string>();
  for (const block of preparedBlocksOf(bytes, pieceSize, maxLineBytes, pieceSize % 2 === 0)) {
    for (let k = 0; k < block.count; k += 1, i += 1) {
      const want = expected[i];
      if (want === undefined) throw new Error(`more lines prepared than split (${i + 1})`);
      const o = k * LINE_INTS;
      const n = k * LINE_NUMBERS;
      expect(block.numbers[n + BYTE_OFFSET]).toBe(want.byteOffset);
      expect(block.numbers[n + BYTE_LENGTH]).toBe(want.byteLength);
      expect(block.numbers[n + LINE_NUMBER]).toBe(want.line);
      expect(EOLS[block.ints[o + EOL] ?? -1]).toBe(want.eol);
      if (want.bytes === null) {
        expect(block.ints[o + WHERE]).toBe(OVERLONG);
        continue;
      }
      const where = block.ints[o + WHERE] === IN_PIECE ? block.bytes : block.joined;
      const line = Buffer.from(where.subarray(block.ints[o + START], block.ints[o + END]));
      expect(line.equals(want.bytes)).toBe(true);
      const h = newByteHeader();
      const isHeader = line.length > 0 && readCommonHeaderBytes(line, 0, line.length, h);
      expect(block.ints[o + HEADER] !== 0).toBe(isHeader);
      if (isHeader) {
        expect(block.ints[o + HEADER]).toBe(h.style === 'dash' ? 1 : 2);
        expect(block.ints[o + FIELD0]).toBe(h.fields[0]);
        expect(block.ints[o + HOUR]).toBe(h.hour);
        expect(block.ints[o + MINUTE]).toBe(h.minute);
        expect(block.ints[o + SECOND]).toBe(h.second);
        expect(block.ints[o + REST]).toBe(h.restStart);
        expect(block.ints[o + UNITS]).toBe(h.units);
        const s1 = nextSeparator(line, h.restStart, separatorLimit(h.restStart, line.length));
        expect(block.ints[o + SEPARATOR]).toBe(s1);
        const id = block.ints[o + NAME_ID] ?? -1;
        if (s1 > h.restStart) {
          const name = line.subarray(h.restStart, s1).toString('hex');
          expect(id).toBe(idOfName.get(name) ?? id);
          expect(nameOfId.get(id) ?? name).toBe(name);
          idOfName.set(name, id);
          nameOfId.set(id, name);
        } else {
          expect(id).toBe(-1);
        }
      }
      const textIndex = block.ints[o + TEXT] ?? -1;
      if (textIndex >= 0) {
        decoded += 1;
        expect(block.texts[textIndex]).toBe(line.toString('utf8'));
      }
    }
  }
  expect(i).toBe(expected.length);
  return decoded;
}

const PARTS = [
  'a',
  'Hello ',
  '12/03/2021, 09:15 - ',
  '[12/03/2021, 09:15:07] ',
  'Ann: ',
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

describe('LinePreparer', () => {
  it('gives the texts of the lines after the first break of each piece', () => {
    const text = 'first\n12/03/2021, 09:15 - Ann: Привет: мир\r\n😀 x\n\nlast line\n';
    expect(check(Buffer.from(text), 1 << 16)).toBe(4);
  });

  it('leaves a piece with invalid UTF-8 to the per-line decoding', () => {
    const bytes = Buffer.concat([
      Buffer.from('a\nb\n'),
      Buffer.from([0xff, 0x0a]),
      Buffer.from('c\n'),
    ]);
    expect(check(bytes, 1 << 16)).toBe(0);
  });

  it('keeps a byte order mark inside the text and skips the first line of the file', () => {
    expect(check(Buffer.from('\ufeffhead\n\ufeffx\n'), 1 << 16)).toBe(1);
  });

  it('copies lines that run across pieces, and reports overlong ones without their bytes', () => {
    const text = '12/03/2021, 09:15 - Ann: a long line across pieces\nshort\n0123456789abcdef\n';
    expect(check(Buffer.from(text), 7, 12)).toBe(0);
    expect(check(Buffer.from(text), 7)).toBeGreaterThanOrEqual(0);
  });

  it('matches the plain splitter and the byte readers whatever the pieces, breaks and bytes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(...PARTS.map((p) => Buffer.from(p))),
            fc.uint8Array({ maxLength: 4 }),
          ),
          { maxLength: 400 },
        ),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 64 }),
        (parts, pieceSize, maxLineBytes) => {
          const bytes = Buffer.concat(parts);
          check(bytes, pieceSize);
          check(bytes, pieceSize, maxLineBytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
