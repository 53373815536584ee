import { isUtf8 } from 'node:buffer';
import { type Eol, type RawLineSink, RawLineSplitter } from '../text/line-reader.js';
import { ByteTable, hashBytes } from './byte-table.js';
import { type ByteHeader, newByteHeader, readCommonHeaderBytes } from './header-bytes.js';
import { nextSeparator, separatorLimit } from './separator-bytes.js';

/**
 * The second pass's work that does not depend on what the first pass decided: splitting the
 * bytes into lines, reading the common header shapes from each line's bytes, finding the first
 * ": " after a header, and decoding the whole lines of each piece of the file at once. Its output
 * is a PreparedBlock per piece: the piece's bytes, the decoded text of its whole lines and one
 * record per line in typed arrays, which the assembler (assemble.ts) reads in order.
 *
 * Why a block of records rather than calls: the same preparation runs either on the importing
 * thread or, for a large file on disk, on a worker thread that reads the file itself
 * (prepare-worker.ts) and hands blocks over without copying (typed arrays are transferred). On
 * two cores this takes about a third of the second pass off the thread that builds the messages;
 * one code path for both keeps the output identical whichever thread prepared it.
 *
 * Decoding a piece at a time: decoding each message text alone (`Buffer#toString`, V8's UTF-8
 * decoder, one call per line) was the largest single cost of a WhatsApp import; a streaming
 * TextDecoder (ICU) decodes a whole piece about twice as fast. The lines after the piece's first
 * line break are decoded at once when they are valid UTF-8 (otherwise not at all: invalid bytes
 * keep the per-line decoding and its warning, so the replacement characters are exactly those of
 * `Buffer#toString`); each such line's text is then a range of `text`. A line break is one byte
 * (LF) and one UTF-16 unit, so the piece's lines and the string's lines correspond one to one.
 */

/** Where a line's bytes are: in the block's piece, in its `joined` bytes, or nowhere (overlong). */
export const IN_PIECE = 0;
export const IN_JOINED = 1;
export const OVERLONG = 2;

/** Int32 fields of a line's record (`ints`, LINE_INTS per line). */
export const WHERE = 0;
/** Start and end (exclusive) of the line's bytes in the piece or `joined`, terminator excluded. */
export const START = 1;
export const END = 2;
/** 0: '', 1: LF, 2: CRLF. */
export const EOL = 3;
/** 0: not a common header; 1: dash style; 2: bracket style (then the fields below are set). */
export const HEADER = 4;
export const MARKED = 5;
export const FIELD0 = 6;
export const WIDTH0 = 9;
export const HOUR = 12;
export const MINUTE = 13;
export const SECOND = 14;
/** Where the rest of a header line starts, from the line's start (bytes). */
export const REST = 15;
export const UNITS = 16;
/** The first ": " of the rest (bytes from the line's start), or -1. */
export const SEPARATOR = 17;
/** The index of the line's text in `texts` (terminator excluded), or -1 when not decoded. */
export const TEXT = 18;
/**
 * The bytes before the first ": " (the shortest name) as a number, the same for the same bytes
 * throughout the file (so the builder decides each name once without hashing its bytes), or -1
 * when there is none or more than MAX_NAME_IDS distinct names came before.
 */
export const NAME_ID = 19;
export const LINE_INTS = 20;

/** Float64 fields of a line's record (`numbers`, LINE_NUMBERS per line): they may pass 2^31. */
export const BYTE_OFFSET = 0;
export const BYTE_LENGTH = 1;
export const LINE_NUMBER = 2;
export const LINE_NUMBERS = 3;

export interface PreparedBlock {
  /** The piece of the file these lines were completed by (may be empty at the end). */
  bytes: Uint8Array;
  /** Copies of the lines that are not inside the piece (one that began in an earlier piece). */
  joined: Uint8Array;
  /**
   * The texts of the lines decoded with the piece (its whole lines after its first line break),
   * each a string of its own: one that shared the piece's decoded string would keep all of it
   * alive for as long as a message made from it is kept.
   */
  texts: string[];
  count: number;
  ints: Int32Array;
  numbers: Float64Array;
}

const LF = 10;
const STREAM = { stream: true } as const;
const EOL_CODES: Record<Eol, number> = { '': 0, '\n': 1, '\r\n': 2 };
export const EOLS: readonly Eol[] = ['', '\n', '\r\n'];
/** Distinct shortest names numbered (bounded for hostile files; past it, names are read as bytes). */
export const MAX_NAME_IDS = 10_000;
/** Records first allocated per block: a line per 64 bytes of the piece (more lines grow them). */
const MIN_LINES = 64;

/** Feed it the file's pieces in order; each `prepare` gives the lines that piece completes. */
export class LinePreparer implements RawLineSink {
  private readonly splitter: RawLineSplitter;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly header: ByteHeader = newByteHeader();
  private readonly nameIds = new ByteTable<number>(MAX_NAME_IDS);
  private nextNameId = 0;
  /** Stream offset of the next piece's first byte. */
  private fed = 0;
  private piece: Uint8Array = new Uint8Array(0);
  private ints = new Int32Array(0);
  private numbers = new Float64Array(0);
  private count = 0;
  private joinedParts: Uint8Array[] = [];
  private joinedBytes = 0;
  private text = '';
  private texts: string[] = [];
  /** Stream offset of the next line of the decoded text, and where it starts in `text`. */
  private nextByte = -1;
  private nextChar = 0;
  /** Stream offset just after the decoded text's last line break. */
  private endByte = -1;

  /**
   * `copyTexts`: copy each line's text out of the piece's decoded string. Not needed on a worker
   * thread: the structured clone that carries the texts to the other thread copies each one.
   */
  constructor(
    maxLineBytes: number,
    private readonly copyTexts: boolean,
  ) {
    this.splitter = new RawLineSplitter(this, { maxLineBytes });
  }

  /** The lines completed by `piece`, the next bytes of the stream. */
  prepare(piece: Uint8Array): PreparedBlock {
    this.begin(piece);
    this.decodeWholeLines(piece);
    this.fed += piece.length;
    this.splitter.push(piece);
    return this.finish();
  }

  /** The last line (one without a terminator), if any, once every piece has been prepared. */
  end(): PreparedBlock {
    this.begin(new Uint8Array(0));
    this.splitter.end();
    return this.finish();
  }

  line(buf: Buffer, start: number, end: number, byteOffset: number, line: number, eol: Eol): void {
    const o = this.record(byteOffset, end - start, line, eol);
    const ints = this.ints;
    const piece = this.piece;
    const at = buf.byteOffset + start - piece.byteOffset;
    if (buf.buffer === piece.buffer && at >= 0 && at + (end - start) <= piece.length) {
      ints[o + WHERE] = IN_PIECE;
      ints[o + START] = at;
      ints[o + END] = at + (end - start);
    } else {
      ints[o + WHERE] = IN_JOINED;
      ints[o + START] = this.joinedBytes;
      ints[o + END] = this.joinedBytes + (end - start);
      const copy = new Uint8Array(end - start);
      copy.set(buf.subarray(start, end));
      this.joinedParts.push(copy);
      this.joinedBytes += end - start;
    }
    const h = this.header;
    if (end > start && readCommonHeaderBytes(buf, start, end, h)) {
      ints[o + HEADER] = h.style === 'dash' ? 1 : 2;
      ints[o + MARKED] = h.markedLine ? 1 : 0;
      ints[o + FIELD0] = h.fields[0];
      ints[o + FIELD0 + 1] = h.fields[1];
      ints[o + FIELD0 + 2] = h.fields[2];
      ints[o + WIDTH0] = h.widths[0];
      ints[o + WIDTH0 + 1] = h.widths[1];
      ints[o + WIDTH0 + 2] = h.widths[2];
      ints[o + HOUR] = h.hour;
      ints[o + MINUTE] = h.minute;
      ints[o + SECOND] = h.second;
      ints[o + REST] = h.restStart - start;
      ints[o + UNITS] = h.units;
      const s1 = nextSeparator(buf, h.restStart, separatorLimit(h.restStart, end));
      ints[o + SEPARATOR] = s1 < 0 ? -1 : s1 - start;
      ints[o + NAME_ID] = s1 > h.restStart ? this.nameId(buf, h.restStart, s1) : -1;
    } else {
      ints[o + HEADER] = 0;
    }
    this.locateText(o, byteOffset, end - start, eol);
  }

  overlong(byteOffset: number, byteLength: number, line: number, eol: Eol): void {
    const o = this.record(byteOffset, byteLength, line, eol);
    this.ints[o + WHERE] = OVERLONG;
    this.ints[o + HEADER] = 0;
    this.ints[o + TEXT] = -1;
    // The decoded text does not continue past a line that was not read.
    this.nextByte = -1;
  }

  private nameId(buf: Buffer, start: number, end: number): number {
    const hash = hashBytes(buf, start, end);
    const known = this.nameIds.find(buf, start, end, hash);
    if (known !== undefined) return known;
    if (!this.nameIds.add(buf, start, end, hash, this.nextNameId)) return -1;
    this.nextNameId += 1;
    return this.nextNameId - 1;
  }

  private begin(piece: Uint8Array): void {
    this.piece = piece;
    this.count = 0;
    const lines = Math.max(MIN_LINES, piece.length >> 6);
    this.ints = new Int32Array(lines * LINE_INTS);
    this.numbers = new Float64Array(lines * LINE_NUMBERS);
    this.joinedParts = [];
    this.joinedBytes = 0;
    this.text = '';
    this.texts = [];
    this.nextByte = -1;
    this.endByte = -1;
  }

  private finish(): PreparedBlock {
    let joined: Uint8Array;
    if (this.joinedParts.length === 1) joined = this.joinedParts[0] as Uint8Array;
    else {
      joined = new Uint8Array(this.joinedBytes);
      let at = 0;
      for (const part of this.joinedParts) {
        joined.set(part, at);
        at += part.length;
      }
    }
    return {
      bytes: this.piece,
      joined,
      texts: this.texts,
      count: this.count,
      ints: this.ints,
      numbers: this.numbers,
    };
  }

  /** A new record (its Int32 index), with its place and terminator written. */
  private record(byteOffset: number, byteLength: number, line: number, eol: Eol): number {
    if (this.count * LINE_INTS === this.ints.length) this.grow();
    const n = this.count * LINE_NUMBERS;
    this.numbers[n + BYTE_OFFSET] = byteOffset;
    this.numbers[n + BYTE_LENGTH] = byteLength;
    this.numbers[n + LINE_NUMBER] = line;
    const o = this.count * LINE_INTS;
    this.ints[o + EOL] = EOL_CODES[eol];
    this.count += 1;
    return o;
  }

  private grow(): void {
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  /** Decodes the lines of the piece after its first line break, when they are valid UTF-8. */
  private decodeWholeLines(piece: Uint8Array): void {
    const first = piece.indexOf(LF);
    if (first < 0) return;
    const last = piece.lastIndexOf(LF);
    if (last <= first) return;
    const block = piece.subarray(first + 1, last + 1);
    if (!isUtf8(block)) return;
    // Whole valid lines: the streaming decoder is left with nothing pending.
    this.text = this.decoder.decode(block, STREAM);
    this.nextByte = this.fed + first + 1;
    this.nextChar = 0;
    this.endByte = this.fed + last + 1;
  }

  /** Where the line at `byteOffset` is in `text`, when it is the next line decoded there. */
  private locateText(o: number, byteOffset: number, byteLength: number, eol: Eol): void {
    const ints = this.ints;
    ints[o + TEXT] = -1;
    if (byteOffset !== this.nextByte) return;
    const lineEnd = byteOffset + byteLength + eol.length;
    if (eol === '' || lineEnd > this.endByte) {
      this.nextByte = -1;
      return;
    }
    const start = this.nextChar;
    // A line of n bytes holds at least n/3 UTF-16 units, and no line break before its end.
    const nl = this.text.indexOf('\n', start + ((byteLength / 3) | 0));
    if (nl < 0) {
      this.nextByte = -1;
      return;
    }
    this.nextByte = lineEnd;
    this.nextChar = nl + 1;
    const end = eol === '\r\n' ? nl - 1 : nl;
    ints[o + TEXT] = this.texts.length;
    this.texts.push(
      this.copyTexts ? copiedText(this.text, start, end) : this.text.substring(start, end),
    );
  }
}

/** V8 copies substrings shorter than this (SlicedString::kMinLength); longer ones are slices. */
const MIN_SLICE = 13;

/**
 * `text[from, to)` as a string of its own: a substring would be a slice that keeps the whole of
 * `text` alive for as long as the message is kept.
 */
export function copiedText(text: string, from: number, to: number): string {
  if (to - from < MIN_SLICE) return text.substring(from, to);
  // Concatenated and cut again: the cut flattens the pair into a string of its own.
  return ` ${text.substring(from, to)}`.slice(1);
}
