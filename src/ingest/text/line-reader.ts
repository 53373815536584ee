/**
 * Streaming, byte-exact line splitting for line-oriented exports (WhatsApp text, JSONL, CSV...).
 *
 * Every line carries where its bytes are, so an importer can state provenance without re-reading:
 * `bytes.subarray(byteOffset, byteOffset + byteLength)` is exactly the line without its
 * terminator, and decodes to `text` when `invalidUtf8` is false.
 *
 * - Lines end at LF; a CR right before the LF belongs to the terminator (`eol: '\r\n'`). A lone CR
 *   elsewhere is content and stays in `text` (WhatsApp on iOS writes some inside messages).
 * - A UTF-8 byte order mark at the very start is not part of line 1: its `byteOffset` is then 3.
 * - A line longer than `maxLineBytes` is never buffered: its bytes are counted and dropped, and it
 *   comes out with `overlong: true` and `text: ''`, so the caller can skip it with its location.
 * - Bytes that are not valid UTF-8 decode to U+FFFD and the line says `invalidUtf8: true`.
 *
 * It works on Buffers (`indexOf(10)`) because it sits on the hot path of multi-GB imports. Each
 * line is decoded straight from its chunk with `Buffer#toString` (measured faster per line than
 * a reused TextDecoder); a strict TextDecoder only confirms invalid bytes when U+FFFD shows up.
 * `readLineBatches` hands out one array per chunk to keep per-line promise overhead out of the
 * hot path; `readLines` is the per-line convenience. `RawLineSplitter` gives a sink the bytes of
 * each line without decoding them, for scans that only look at a few bytes of most lines.
 */

export type Eol = '' | '\n' | '\r\n';

export interface TextLine {
  /** Decoded text without its terminator (and without a leading BOM on line 1). */
  readonly text: string;
  /** Offset in the stream of the line's first byte. */
  readonly byteOffset: number;
  /** Length in bytes of the line without its terminator. */
  readonly byteLength: number;
  /** 1-based line number. */
  readonly line: number;
  /** The terminator as found; '' for a last line without one. */
  readonly eol: Eol;
  /** The bytes were not valid UTF-8; `text` holds U+FFFD where they were. */
  readonly invalidUtf8: boolean;
  /** The line was longer than `maxLineBytes`: `text` is '' and its bytes were not kept. */
  readonly overlong: boolean;
}

export interface LineReaderOptions {
  /** Longest line kept, in bytes without the terminator. Default 64 MiB. */
  maxLineBytes?: number;
  /**
   * The stream is the rest of a file from a line start (`byteOffset`, where its line
   * `line` starts): offsets and line numbers count from there, and no byte order mark is looked
   * for. For readers that split one file between threads at a line break.
   */
  from?: { byteOffset: number; line: number };
}

/** Receives the lines of a RawLineSplitter. The bytes are only valid during the call. */
export interface RawLineSink {
  /** A line: `buf[start, end)` without its terminator; `byteOffset` is its place in the stream. */
  line(buf: Buffer, start: number, end: number, byteOffset: number, line: number, eol: Eol): void;
  /** A line longer than the cap: where it is and how long it was; its bytes are gone. */
  overlong(byteOffset: number, byteLength: number, line: number, eol: Eol): void;
}

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

const LF = 10;
const CR = 13;
const REPLACEMENT = '\uFFFD';

/** Push-style core: feed chunks, the sink gets every line they complete. Synchronous. */
export class RawLineSplitter {
  private readonly maxLineBytes: number;
  /** Bytes of the current, unfinished line (only while it is within the cap). */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The current line is over the cap: its bytes are counted in `pendingBytes` but not kept. */
  private discarding = false;
  private lastDiscardedByte = -1;
  /** Stream offset of the current line's first byte, and of the next chunk's first byte. */
  private lineStart = 0;
  private streamPos = 0;
  private lineNumber = 1;
  /** Nothing decided about a BOM yet (fewer than 3 bytes seen). */
  private atStart = true;
  private ended = false;

  constructor(
    private readonly sink: RawLineSink,
    options: LineReaderOptions = {},
  ) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (options.from !== undefined) {
      this.atStart = false;
      this.streamPos = options.from.byteOffset;
      this.lineStart = options.from.byteOffset;
      this.lineNumber = options.from.line;
    }
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error('RawLineSplitter.push after end');
    let buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (buf.length === 0) return;
    if (this.atStart) {
      const head = this.pendingBytes > 0 ? Buffer.concat([...this.pending, buf]) : buf;
      if (head.length < 3) {
        this.pending = [head];
        this.pendingBytes = head.length;
        return;
      }
      this.pending = [];
      this.pendingBytes = 0;
      this.atStart = false;
      buf = head;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        buf = buf.subarray(3);
        this.streamPos = 3;
        this.lineStart = 3;
      }
    }
    this.split(buf);
  }

  /** Flushes the last line (one without a terminator), if any. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.atStart && this.pendingBytes > 0) {
      // Fewer than 3 bytes in all: a BOM is impossible to complete, so they are plain content.
      this.atStart = false;
      const head = Buffer.concat(this.pending);
      this.pending = [];
      this.pendingBytes = 0;
      this.split(head);
    }
    if (this.discarding) {
      this.sink.overlong(this.lineStart, this.pendingBytes, this.lineNumber, '');
    } else if (this.pendingBytes > 0) {
      const bytes =
        this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending);
      this.deliver(bytes, 0, bytes.length, '');
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  private split(buf: Buffer): void {
    const base = this.streamPos;
    this.streamPos += buf.length;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl === -1) break;
      if (this.discarding) {
        const total = this.pendingBytes + (nl - start);
        const lastByte = nl > start ? (buf[nl - 1] ?? -1) : this.lastDiscardedByte;
        const crlf = lastByte === CR;
        this.sink.overlong(
          this.lineStart,
          crlf ? total - 1 : total,
          this.lineNumber,
          crlf ? '\r\n' : '\n',
        );
        this.discarding = false;
        this.pendingBytes = 0;
      } else if (this.pendingBytes === 0) {
        // Common case: the whole line is inside this chunk.
        if (nl > start && buf[nl - 1] === CR) this.deliver(buf, start, nl - 1, '\r\n');
        else this.deliver(buf, start, nl, '\n');
      } else {
        this.pending.push(buf.subarray(start, nl));
        const bytes = Buffer.concat(this.pending);
        this.pending = [];
        this.pendingBytes = 0;
        const crlf = bytes.length > 0 && bytes[bytes.length - 1] === CR;
        this.deliver(bytes, 0, crlf ? bytes.length - 1 : bytes.length, crlf ? '\r\n' : '\n');
      }
      start = nl + 1;
      this.lineStart = base + start;
      this.lineNumber += 1;
    }
    if (start < buf.length) this.keepRemainder(buf.subarray(start));
  }

  private deliver(buf: Buffer, start: number, end: number, eol: Eol): void {
    if (end - start > this.maxLineBytes) {
      this.sink.overlong(this.lineStart, end - start, this.lineNumber, eol);
    } else {
      this.sink.line(buf, start, end, this.lineStart, this.lineNumber, eol);
    }
  }

  private keepRemainder(rest: Buffer): void {
    this.pendingBytes += rest.length;
    if (this.discarding) {
      this.lastDiscardedByte = rest[rest.length - 1] ?? -1;
      return;
    }
    if (this.pendingBytes > this.maxLineBytes + 1) {
      // +1: a CR that turns out to be the first half of CRLF does not count towards the cap.
      this.discarding = true;
      this.pending = [];
      this.lastDiscardedByte = rest[rest.length - 1] ?? -1;
      return;
    }
    // A chunk's remainder would pin the whole chunk in memory; copy small tails out of it.
    this.pending.push(rest.length < 4096 ? Buffer.from(rest) : rest);
  }
}

/** Decodes each line into a TextLine, collected in `out` until taken. */
class TextLineSink implements RawLineSink {
  out: TextLine[] = [];
  private readonly strictDecoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

  line(buf: Buffer, start: number, end: number, byteOffset: number, line: number, eol: Eol): void {
    const text = buf.toString('utf8', start, end);
    let invalidUtf8 = false;
    if (text.includes(REPLACEMENT)) {
      // U+FFFD may also be genuine content (EF BF BD); only a strict decode can tell.
      try {
        this.strictDecoder.decode(buf.subarray(start, end));
      } catch {
        invalidUtf8 = true;
      }
    }
    this.out.push({
      text,
      byteOffset,
      byteLength: end - start,
      line,
      eol,
      invalidUtf8,
      overlong: false,
    });
  }

  overlong(byteOffset: number, byteLength: number, line: number, eol: Eol): void {
    this.out.push({
      text: '',
      byteOffset,
      byteLength,
      line,
      eol,
      invalidUtf8: false,
      overlong: true,
    });
  }

  take(): TextLine[] {
    const lines = this.out;
    this.out = [];
    return lines;
  }
}

/** Push-style text lines: feed chunks, get the lines each completes. */
export class LineSplitter {
  private readonly sink = new TextLineSink();
  private readonly raw: RawLineSplitter;

  constructor(options: LineReaderOptions = {}) {
    this.raw = new RawLineSplitter(this.sink, options);
  }

  push(chunk: Uint8Array): TextLine[] {
    this.raw.push(chunk);
    return this.sink.take();
  }

  end(): TextLine[] {
    this.raw.end();
    return this.sink.take();
  }
}

type Chunk = Uint8Array | string;

export function toBytes(chunk: Chunk): Uint8Array {
  // A stream with an encoding set yields strings; offsets then refer to their UTF-8 bytes.
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** The lines of a byte stream, one array per chunk read (the fast path). */
export async function* readLineBatches(
  stream: AsyncIterable<Chunk>,
  options: LineReaderOptions = {},
): AsyncGenerator<TextLine[], void, undefined> {
  const splitter = new LineSplitter(options);
  for await (const chunk of stream) {
    const lines = splitter.push(toBytes(chunk));
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last.length > 0) yield last;
}

/** The lines of a byte stream, one at a time. */
export async function* readLines(
  stream: AsyncIterable<Chunk>,
  options: LineReaderOptions = {},
): AsyncGenerator<TextLine, void, undefined> {
  for await (const batch of readLineBatches(stream, options)) yield* batch;
}

/** Feeds a whole byte stream to a sink. */
export async function scanRawLines(
  stream: AsyncIterable<Chunk>,
  sink: RawLineSink,
  options: LineReaderOptions = {},
): Promise<void> {
  const splitter = new RawLineSplitter(sink, options);
  for await (const chunk of stream) splitter.push(toBytes(chunk));
  splitter.end();
}
