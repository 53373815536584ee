import { isUtf8 } from 'node:buffer';
import type { DateOrder, Participant, SourceLocation } from '../../domain/index.js';
import type { ParseReportBuilder } from '../report.js';
import type { Eol } from '../text/line-reader.js';
import type { ImportedMessage } from '../types.js';
import {
  copyDate,
  type DateCopy,
  type DateFields,
  type DateReading,
  isYearFirst,
  newDateCopy,
  readDate,
  sameDate,
} from './datetime.js';
import { looksLikeHeader, parseHeader } from './header.js';
import { type ByteHeader, newByteHeader } from './header-bytes.js';
import type { MessageBuilder, MessageHead } from './message-builder.js';
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
  MARKED,
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
  WIDTH0,
} from './prepared-lines.js';

/**
 * The second pass: lines in, messages out. A message is its header line and every following
 * line up to the next header; its provenance covers exactly those bytes. Blank lines at the end
 * of a message are left out of it (WhatsApp trims what is sent, so they are the file's layout).
 * Lines that belong to no message (before the first header, after an unreadable line) are
 * reported as skipped, one entry per run, with their location; nothing is dropped unreported
 * except blank lines.
 *
 * This is the hot kernel of a WhatsApp import. It reads lines as prepared-lines.ts prepared them
 * (possibly on another thread): a header in one of the common shapes was already read from the
 * line's bytes (header-bytes.ts) and only the text after it is taken, from the piece's decoded
 * text when it was decoded there; any other line is decoded whole and read with the full
 * grammar. The message being assembled is one reused object, and completed messages are
 * collected for `take()`.
 */

/** Longest text kept in one message (UTF-16 units); WhatsApp itself stops at 65,536. */
export const MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

export interface AssemblerOptions {
  file: string;
  report: ParseReportBuilder;
  builder: MessageBuilder;
  /** Order for dates that are not year-first (null: the file has none). */
  order: DateOrder | null;
  acceptColon: boolean;
  maxLineBytes: number;
  maxMessageChars?: number;
  /** Called on each message as it is completed (ImportContext.onMessage). */
  onMessage?: ((message: ImportedMessage, sentAtMs: number) => void) | undefined;
}

/** The message being assembled (one object, reused). */
interface Pending extends MessageHead {
  /** Where its header line starts. */
  byteOffset: number;
  line: number;
  /** Line breaks and continuation lines, alternating. */
  parts: string[];
  chars: number;
  lastEol: Eol;
  /** State at the last non-blank line: where the message ends if only blank lines follow. */
  keptParts: number;
  keptChars: number;
  keptEnd: number;
}

interface SkipRun {
  code: string;
  detail: string;
  byteOffset: number;
  line: number;
  end: number;
  hasContent: boolean;
}

const ORPHAN_DETAIL =
  'lines outside any message (before the first header or after an unreadable line)';
const REPLACEMENT = '\uFFFD';

export class ChatAssembler {
  private out: ImportedMessage[] = [];
  private readonly pending: Pending = {
    style: 'dash',
    markedLine: false,
    wall: { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 },
    sender: undefined,
    text: '',
    byteOffset: 0,
    line: 0,
    parts: [],
    chars: 0,
    lastEol: '',
    keptParts: 0,
    keptChars: 0,
    keptEnd: 0,
  };
  private hasPending = false;
  private skipRun: SkipRun | null = null;
  /** Continuation lines go to a skip run with this reason while there is no current message. */
  private orphanCode: 'unreadable_line' | 'message_too_long' = 'unreadable_line';
  private buddhistReported = false;
  private readonly header: ByteHeader = newByteHeader();
  /** A copy of the last header's date and its reading: consecutive messages mostly share it. */
  private readonly lastDated: DateCopy = newDateCopy();
  private hasLastDated = false;
  private lastDate: DateReading | null = null;
  private readonly maxMessageChars: number;
  /** The block being read, and its bytes as Buffers (made once per block). */
  private block: PreparedBlock | null = null;
  private piece: Buffer = Buffer.alloc(0);
  private joined: Buffer = Buffer.alloc(0);
  /** The current header line's name number (prepared-lines.ts NAME_ID). */
  private nameId = -1;

  constructor(private readonly opts: AssemblerOptions) {
    this.maxMessageChars = opts.maxMessageChars ?? MAX_MESSAGE_CHARS;
  }

  /** The messages completed since the last call. */
  take(): ImportedMessage[] {
    const out = this.out;
    if (out.length > 0) this.out = [];
    return out;
  }

  /** Reads lines `from` to `to` (exclusive) of the block, in order; then `take()` the messages. */
  lines(block: PreparedBlock, from: number, to: number): void {
    if (block !== this.block) {
      this.block = block;
      this.piece = Buffer.from(block.bytes.buffer, block.bytes.byteOffset, block.bytes.length);
      this.joined = Buffer.from(block.joined.buffer, block.joined.byteOffset, block.joined.length);
    }
    const { ints, numbers } = block;
    for (let i = from; i < to; i += 1) {
      const o = i * LINE_INTS;
      const n = i * LINE_NUMBERS;
      const byteOffset = numbers[n + BYTE_OFFSET] as number;
      const line = numbers[n + LINE_NUMBER] as number;
      const eol = EOLS[ints[o + EOL] as number] as Eol;
      const where = ints[o + WHERE] as number;
      if (where === OVERLONG) {
        this.overlong(byteOffset, numbers[n + BYTE_LENGTH] as number, line, eol);
        continue;
      }
      const buf = where === IN_PIECE ? this.piece : this.joined;
      const start = ints[o + START] as number;
      const end = ints[o + END] as number;
      const text = ints[o + TEXT] as number;
      if (ints[o + HEADER] !== 0) {
        this.readHeader(ints, o, start);
        const s1 = ints[o + SEPARATOR] as number;
        this.nameId = ints[o + NAME_ID] as number;
        const separator = s1 < 0 ? -1 : start + s1;
        this.commonHeader(buf, start, end, byteOffset, line, eol, separator, text);
      } else {
        this.otherLine(buf, start, end, byteOffset, line, eol, text);
      }
    }
  }

  /** The header the preparer read from the line's bytes, into `this.header`. */
  private readHeader(ints: Int32Array, o: number, start: number): void {
    const h = this.header;
    h.style = ints[o + HEADER] === 1 ? 'dash' : 'bracket';
    h.markedLine = ints[o + MARKED] === 1;
    h.fields[0] = ints[o + FIELD0] as number;
    h.fields[1] = ints[o + FIELD0 + 1] as number;
    h.fields[2] = ints[o + FIELD0 + 2] as number;
    h.widths[0] = ints[o + WIDTH0] as number;
    h.widths[1] = ints[o + WIDTH0 + 1] as number;
    h.widths[2] = ints[o + WIDTH0 + 2] as number;
    h.hour = ints[o + HOUR] as number;
    h.minute = ints[o + MINUTE] as number;
    h.second = ints[o + SECOND] as number;
    h.restStart = start + (ints[o + REST] as number);
    h.units = ints[o + UNITS] as number;
  }

  /** A line that is not a header in a common shape. */
  private otherLine(
    buf: Buffer,
    start: number,
    end: number,
    byteOffset: number,
    line: number,
    eol: Eol,
    textIndex: number,
  ): void {
    const byteLength = end - start;
    // Taken from a piece decoded ahead, the text is known to be valid UTF-8.
    const decoded = this.decodedText(textIndex, 0);
    const text = decoded ?? (byteLength === 0 ? '' : buf.toString('utf8', start, end));
    if (decoded == null && text.includes(REPLACEMENT) && !isUtf8(buf.subarray(start, end))) {
      this.invalidUtf8(byteOffset, byteLength, line);
    }
    if (text.length > 0) {
      const header = parseHeader(text);
      if (header !== null && (header.style !== 'colon' || this.opts.acceptColon)) {
        const date = this.dateOf(header, byteOffset, byteLength, line);
        if (date !== null) {
          this.finish();
          this.flushSkip();
          this.start(byteOffset, line, eol, byteOffset + byteLength, text.length);
          const p = this.pending;
          p.style = header.style;
          p.markedLine = header.markedLine;
          p.sender = undefined;
          p.text = text.slice(header.restStart);
          setWall(p, date, header.hour, header.minute, header.second);
          return;
        }
        this.headerLike(byteOffset, byteLength, line);
      } else if (header === null && looksLikeHeader(text)) {
        this.headerLike(byteOffset, byteLength, line);
      }
    }
    this.continuation(text, byteOffset, byteLength, line, eol);
  }

  private overlong(byteOffset: number, byteLength: number, line: number, _eol: Eol): void {
    this.finish();
    this.flushSkip();
    this.opts.report.skip(
      'line_too_long',
      `a line longer than ${this.opts.maxLineBytes} bytes was not read`,
      this.locate(byteOffset, byteLength, line),
    );
    this.orphanCode = 'unreadable_line';
  }

  /** At the end of the file: the last message, if any (then `take()` it). */
  end(): void {
    this.finish();
    this.flushSkip();
  }

  /** A line that starts with a header in a common shape, already read into `this.header`. */
  private commonHeader(
    buf: Buffer,
    start: number,
    end: number,
    byteOffset: number,
    line: number,
    eol: Eol,
    s1: number,
    textIndex: number,
  ): void {
    const h = this.header;
    const byteLength = end - start;
    const restStart = h.restStart;
    // The sender, found by the bytes of the name before the first ": " (`s1`, decoded once per
    // distinct name); then only the body is decoded.
    // No ": " (or nothing before it): no sender, the whole rest is the text.
    let sender: Participant | null | undefined = null;
    let textStart = restStart;
    let invalid = false;
    let nameUnits = 0;
    if (s1 > restStart) {
      const named = this.opts.builder.senderAt(buf, restStart, s1, end, this.nameId);
      sender = named.sender;
      if (sender !== null && sender !== undefined) {
        textStart = s1 + 2;
        invalid = named.invalidUtf8;
        nameUnits = named.units + 2;
      }
    }
    // Taken from a piece decoded ahead, the text is known to be valid UTF-8.
    const decoded = this.decodedText(textIndex, h.units + nameUnits);
    const text = decoded ?? buf.toString('utf8', textStart, end);
    // What precedes the rest is ASCII and marks the reader checked; only the rest can be invalid.
    if (
      invalid ||
      (decoded == null && text.includes(REPLACEMENT) && !isUtf8(buf.subarray(textStart, end)))
    ) {
      this.invalidUtf8(byteOffset, byteLength, line);
    }
    const date = this.dateOf(h, byteOffset, byteLength, line);
    if (date === null) {
      this.headerLike(byteOffset, byteLength, line);
      this.continuation(buf.toString('utf8', start, end), byteOffset, byteLength, line, eol);
      return;
    }
    this.finish();
    this.flushSkip();
    const chars = h.units + nameUnits + text.length;
    this.start(byteOffset, line, eol, byteOffset + byteLength, chars);
    const p = this.pending;
    p.style = h.style;
    p.markedLine = h.markedLine;
    p.sender = sender;
    p.text = text;
    setWall(p, date, h.hour, h.minute, h.second);
  }

  /**
   * The line's text from UTF-16 unit `skip` on, when the preparer decoded it (its `texts`), else
   * null. Each line's text is a string of its own, so the slice keeps nothing else alive.
   */
  private decodedText(textIndex: number, skip: number): string | null {
    if (textIndex < 0) return null;
    const text = this.block?.texts[textIndex] ?? '';
    return skip === 0 ? text : text.substring(skip);
  }

  private start(byteOffset: number, line: number, eol: Eol, end: number, chars: number): void {
    const p = this.pending;
    this.hasPending = true;
    p.byteOffset = byteOffset;
    p.line = line;
    if (p.parts.length > 0) p.parts = [];
    p.chars = chars;
    p.lastEol = eol;
    p.keptParts = 0;
    p.keptChars = chars;
    p.keptEnd = end;
  }

  private continuation(
    text: string,
    byteOffset: number,
    byteLength: number,
    line: number,
    eol: Eol,
  ): void {
    if (!this.hasPending) {
      this.addToSkip(text, byteOffset, byteLength, line);
      return;
    }
    const cur = this.pending;
    const added = cur.lastEol.length + text.length;
    if (cur.chars + added > this.maxMessageChars) {
      this.finish();
      this.orphanCode = 'message_too_long';
      this.addToSkip(text, byteOffset, byteLength, line);
      return;
    }
    cur.parts.push(cur.lastEol, text);
    cur.chars += added;
    cur.lastEol = eol;
    if (text.length > 0) {
      cur.keptParts = cur.parts.length;
      cur.keptChars = cur.chars;
      cur.keptEnd = byteOffset + byteLength;
    }
  }

  private finish(): void {
    if (!this.hasPending) return;
    this.hasPending = false;
    this.orphanCode = 'unreadable_line';
    const cur = this.pending;
    const n = cur.keptParts;
    let tail = '';
    if (n > 0) tail = n === cur.parts.length ? cur.parts.join('') : cur.parts.slice(0, n).join('');
    const source = this.locate(cur.byteOffset, cur.keptEnd - cur.byteOffset, cur.line);
    const message = this.opts.builder.build(cur, tail, source);
    this.out.push(message);
    this.opts.onMessage?.(message, this.opts.builder.lastSentAtMs);
  }

  /** The header's date in the file's order, or null when it is not a real date in it. */
  private dateOf(
    h: DateFields,
    byteOffset: number,
    byteLength: number,
    line: number,
  ): DateReading | null {
    const last = this.lastDated;
    if (this.hasLastDated && sameDate(last, h)) return this.lastDate;
    const order = isYearFirst(h) ? 'ymd' : this.opts.order;
    const date = order === null ? null : readDate(h, order);
    copyDate(last, h);
    this.hasLastDated = true;
    this.lastDate = date;
    if (date?.assumedBuddhist === true && !this.buddhistReported) {
      this.buddhistReported = true;
      this.opts.report.warn(
        'buddhist_era_assumed',
        'years past 2300 were read as Buddhist era (minus 543) although no "BE" marker says so',
        this.locate(byteOffset, byteLength, line),
      );
    }
    return date;
  }

  private invalidUtf8(byteOffset: number, byteLength: number, line: number): void {
    this.opts.report.warn(
      'invalid_utf8',
      'bytes that are not UTF-8 were replaced with U+FFFD',
      this.locate(byteOffset, byteLength, line),
    );
  }

  private headerLike(byteOffset: number, byteLength: number, line: number): void {
    this.opts.report.warn(
      'header_like_line',
      "a line shaped like a message header could not be read as one (date impossible in the file's order, or unknown time marker); kept as text",
      this.locate(byteOffset, byteLength, line),
    );
  }

  private addToSkip(text: string, byteOffset: number, byteLength: number, line: number): void {
    const run = this.skipRun;
    const end = byteOffset + byteLength;
    if (run !== null && run.code === this.orphanCode) {
      run.end = end;
      run.hasContent ||= text.length > 0;
      return;
    }
    this.flushSkip();
    this.skipRun = {
      code: this.orphanCode,
      detail:
        this.orphanCode === 'message_too_long'
          ? `the rest of a message longer than ${this.maxMessageChars} characters`
          : ORPHAN_DETAIL,
      byteOffset,
      line,
      end,
      hasContent: text.length > 0,
    };
  }

  private flushSkip(): void {
    const run = this.skipRun;
    this.skipRun = null;
    if (run === null || !run.hasContent) return;
    this.opts.report.skip(
      run.code,
      run.detail,
      this.locate(run.byteOffset, run.end - run.byteOffset, run.line),
    );
  }

  private locate(byteOffset: number, byteLength: number, line: number): SourceLocation {
    return { file: this.opts.file, byteOffset, byteLength, line };
  }
}

function setWall(
  p: Pending,
  date: DateReading,
  hour: number,
  minute: number,
  second: number,
): void {
  const w = p.wall;
  w.year = date.year;
  w.month = date.month;
  w.day = date.day;
  w.hour = hour;
  w.minute = minute;
  w.second = second;
}
