import { ChatscreenError, type SourceLocation } from '../../domain/index.js';
import type { JsonEvent } from './events.js';
import {
  isProperPrefix,
  matchesPath,
  type PathPattern,
  type PathSegment,
  parsePathPattern,
} from './path.js';
import { escapeRawControls, parseJsonSlice } from './slice.js';

/*
 * Why a hand-written scanner: evidence needs the exact byte range of every record in the file
 * it came from, and streaming JSON libraries (stream-json, clarinet, oboe) hand out values and
 * tokens but no byte positions. This scanner walks the bytes once, keeps only the nesting stack,
 * finds each element of the named target arrays, and hands exactly those bytes to JSON.parse.
 * Everything outside the targets is checked for well-formedness without being materialised, so
 * memory stays flat whatever the file size. Structural bytes are ASCII and never occur inside a
 * multi-byte UTF-8 sequence, so chunks may split anywhere.
 */

export type ScanWarn = (code: string, detail: string, location: SourceLocation) => void;

export interface ScanOptions {
  /** Path of the file inside the export, for locations. */
  file: string;
  /** Arrays whose elements are yielded one by one, e.g. `messages`, `chats.list[*].messages`. */
  arrays: readonly string[];
  /** Values yielded whole when met, e.g. `name`, `chats.list[*].id`. */
  fields?: readonly string[];
  /** Receives warnings (control characters, invalid UTF-8) with their locations. */
  warn: ScanWarn;
  /** Largest element or field held in memory (default 64 MiB); beyond it: `input_too_large`. */
  maxValueBytes?: number;
  /** Deepest nesting outside elements (default 512); beyond it: `malformed_input`. */
  maxDepth?: number;
}

interface Frame {
  isArray: boolean;
  /** Arrays: elements completed so far. */
  index: number;
  /** Objects in live frames: the key whose value comes next; null when not tracked. */
  key: string | null;
  /** Whether something named by a pattern may lie below (keys are decoded only then). */
  live: boolean;
  /** Concrete path of this container (live frames only). */
  path: readonly PathSegment[];
  /** Index into the array patterns when this is a target array, else -1. */
  target: number;
}

// Scanner states. Plain numbers: the kernel switches on them per byte.
const S_START = 0;
const S_BOM = 1;
const S_VALUE = 2;
const S_VALUE_OR_CLOSE = 3;
const S_KEY_OR_CLOSE = 4;
const S_KEY = 5;
const S_COLON = 6;
const S_AFTER = 7;
const S_STRING = 8;
const S_LITERAL = 9;
const S_CAPTURE = 10;
const S_DONE = 11;

// What a capture holds.
const CAP_CONTAINER = 0;
const CAP_STRING = 1;
const CAP_LITERAL = 2;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const MAX_KEY_BYTES = 4096;
const MAX_LITERAL = 256;
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === LF || b === 0x0d || b === 0x09;
}

function isLiteralByte(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    b === 0x2d ||
    b === 0x2b ||
    b === 0x2e
  );
}

function isLiteralStart(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x74 || b === 0x66 || b === 0x6e;
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46);
}

function isEscapable(b: number): boolean {
  // " \ / b f n r t
  return (
    b === 0x22 ||
    b === 0x5c ||
    b === 0x2f ||
    b === 0x62 ||
    b === 0x66 ||
    b === 0x6e ||
    b === 0x72 ||
    b === 0x74
  );
}

/**
 * Push-based scanner: feed chunks with `push`, then call `end`. Each call returns the events
 * completed by those bytes. See `scanJsonEntry` for the streaming wrapper.
 */
export class JsonScanner {
  private readonly file: string;
  private readonly arrays: PathPattern[];
  private readonly fields: PathPattern[];
  private readonly warn: ScanWarn;
  private readonly maxValueBytes: number;
  private readonly maxDepth: number;

  private state = S_START;
  private readonly stack: Frame[] = [];
  /** Absolute offset of the current chunk's first byte. */
  private offset = 0;
  private line = 1;
  private events: JsonEvent[] = [];
  private rootType: 'object' | 'array' | 'scalar' = 'scalar';
  private arraysFound = 0;
  private ordinal = 0;

  // Strict string state (outside captures).
  private strIsKey = false;
  /** 0: plain; 1: after a backslash; 2..5: inside \u, that many hex digits still due + 1. */
  private strEsc = 0;
  private strControlSeen = false;
  private keyCollecting = false;
  private keyParts: Buffer[] = [];
  private keyBytes = 0;
  private keyChunkStart = 0;
  private keyNeedsParse = false;

  // Literal state (outside captures).
  private literal = '';
  private literalStart = 0;
  private literalLine = 1;

  // Capture state.
  private capWhat: 'element' | 'field' = 'element';
  private capKind = CAP_CONTAINER;
  private capIndex = 0;
  private capField = -1;
  private capTarget = -1;
  private capPath: readonly PathSegment[] = [];
  private capDepth = 0;
  private capInString = false;
  private capEscape = false;
  private capStart = 0;
  private capLine = 1;
  private capChunkStart = 0;
  private capParts: Buffer[] = [];
  private capBytes = 0;
  private capControls = 0;
  private capFirstControl = 0;
  private capFirstControlLine = 1;

  constructor(options: ScanOptions) {
    this.file = options.file;
    this.arrays = options.arrays.map(parsePathPattern);
    this.fields = (options.fields ?? []).map(parsePathPattern);
    this.warn = options.warn;
    this.maxValueBytes = options.maxValueBytes ?? 64 * 1024 * 1024;
    this.maxDepth = options.maxDepth ?? 512;
  }

  /** Bytes consumed so far. */
  get bytesRead(): number {
    return this.offset;
  }

  push(chunk: Uint8Array): JsonEvent[] {
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.events = [];
    const n = buf.length;
    if (this.state === S_CAPTURE) this.capChunkStart = 0;
    if (this.keyCollecting) this.keyChunkStart = 0;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case S_CAPTURE:
          i =
            this.capKind === CAP_LITERAL
              ? this.runCaptureLiteral(buf, i, n)
              : this.runCapture(buf, i, n);
          break;
        case S_STRING:
          i = this.runString(buf, i, n);
          break;
        case S_LITERAL:
          i = this.runLiteral(buf, i, n);
          break;
        default:
          i = this.runStructure(buf, i, n);
      }
    }
    if (this.state === S_CAPTURE) this.keepCapturePart(buf.subarray(this.capChunkStart, n));
    if (this.state === S_STRING && this.keyCollecting) {
      this.keepKeyPart(buf.subarray(this.keyChunkStart, n));
    }
    this.offset += n;
    return this.events;
  }

  end(): JsonEvent[] {
    this.events = [];
    // A literal cut by the end of the file is only complete at the root; elsewhere its
    // container is unclosed anyway, which is truncation whatever the literal's bytes.
    if (this.state === S_LITERAL && this.stack.length === 0) this.finishLiteral();
    else if (this.state === S_CAPTURE && this.capKind === CAP_LITERAL) {
      this.finishCapture(Buffer.alloc(0));
    }
    if (this.state !== S_DONE) {
      const detail =
        this.state === S_START || this.state === S_BOM
          ? 'the file ends before any JSON value'
          : 'the file ends in the middle of the JSON document';
      throw new ChatscreenError('truncated_input', detail, {
        location: { file: this.file, byteOffset: this.offset, byteLength: 0, line: this.line },
      });
    }
    this.events.push({
      kind: 'end',
      rootType: this.rootType,
      bytes: this.offset,
      arrays: this.arraysFound,
    });
    return this.events;
  }

  // ---- structure (outside strings, literals and captures) ----

  private runStructure(buf: Buffer, start: number, n: number): number {
    let i = start;
    while (i < n) {
      const b = buf[i] ?? 0;
      if (this.state === S_BOM) {
        const expected = this.offset + i === 1 ? 0xbb : 0xbf;
        if (b !== expected) throw this.malformed('invalid byte-order mark', i);
        if (expected === 0xbf) this.state = S_VALUE;
        i++;
        continue;
      }
      if (isWhitespace(b)) {
        if (b === LF) this.line++;
        i++;
        continue;
      }
      switch (this.state) {
        case S_START:
          if (b === 0xef && this.offset + i === 0) {
            this.state = S_BOM;
            i++;
            continue;
          }
          if ((b === 0xff || b === 0xfe) && this.offset + i === 0) {
            throw new ChatscreenError('invalid_encoding', 'UTF-16 JSON is not supported', {
              location: this.at(i),
            });
          }
          this.state = S_VALUE;
          continue;
        case S_VALUE:
        case S_VALUE_OR_CLOSE:
          if (b === 0x5d && this.state === S_VALUE_OR_CLOSE) {
            i++;
            this.closeContainer();
            continue;
          }
          i = this.beginValue(buf, i);
          if (this.insideToken()) return i;
          continue;
        case S_KEY_OR_CLOSE:
        case S_KEY:
          if (b === 0x7d && this.state === S_KEY_OR_CLOSE) {
            i++;
            this.closeContainer();
            continue;
          }
          if (b !== QUOTE) throw this.malformed('expected a property name', i);
          this.beginString(true, i + 1);
          return i + 1;
        case S_COLON:
          if (b !== 0x3a) throw this.malformed("expected ':' after a property name", i);
          this.state = S_VALUE;
          i++;
          continue;
        case S_AFTER: {
          const top = this.stack[this.stack.length - 1];
          if (top === undefined) {
            this.state = S_DONE;
            continue;
          }
          if (b === 0x2c) {
            this.state = top.isArray ? S_VALUE : S_KEY;
            i++;
            continue;
          }
          if (b === (top.isArray ? 0x5d : 0x7d)) {
            i++;
            this.closeContainer();
            continue;
          }
          throw this.malformed(top.isArray ? "expected ',' or ']'" : "expected ',' or '}'", i);
        }
        default:
          throw this.malformed('unexpected data after the end of the JSON document', i);
      }
    }
    return i;
  }

  /** After beginValue: whether a string, literal or capture now runs in its own loop. */
  private insideToken(): boolean {
    const state: number = this.state;
    return state === S_STRING || state === S_LITERAL || state === S_CAPTURE;
  }

  /** Starts the value whose first byte is at `i`; returns the index after that byte. */
  private beginValue(buf: Buffer, i: number): number {
    const b = buf[i] ?? 0;
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.rootType = b === 0x7b ? 'object' : b === 0x5b ? 'array' : 'scalar';
    }
    if (parent !== undefined && parent.target >= 0) {
      return this.beginCapture(buf, i, 'element', parent.target, -1, parent.path, parent.index);
    }
    let path: readonly PathSegment[] | null = null;
    if (parent === undefined) path = [];
    else if (parent.live) {
      const step = parent.isArray ? parent.index : parent.key;
      if (step !== null) path = [...parent.path, step];
    }
    let target = -1;
    let live = false;
    if (path !== null) {
      const field = this.fields.findIndex((p) => matchesPath(p, path));
      if (field >= 0) return this.beginCapture(buf, i, 'field', -1, field, path, 0);
      target = b === 0x5b ? this.arrays.findIndex((p) => matchesPath(p, path)) : -1;
      live =
        target >= 0 ||
        this.arrays.some((p) => isProperPrefix(p, path)) ||
        this.fields.some((p) => isProperPrefix(p, path));
    }
    if (b === 0x7b || b === 0x5b) {
      if (this.stack.length >= this.maxDepth) {
        throw this.malformed(`nesting deeper than ${this.maxDepth} levels`, i);
      }
      const isArray = b === 0x5b;
      const frame: Frame = { isArray, index: 0, key: null, live, path: path ?? [], target };
      this.stack.push(frame);
      if (target >= 0) {
        this.arraysFound++;
        this.events.push({ kind: 'arrayStart', target, path: frame.path });
      }
      this.state = isArray ? S_VALUE_OR_CLOSE : S_KEY_OR_CLOSE;
      return i + 1;
    }
    if (b === QUOTE) {
      this.beginString(false, i + 1);
      return i + 1;
    }
    if (isLiteralStart(b)) {
      this.literal = String.fromCharCode(b);
      this.literalStart = this.offset + i;
      this.literalLine = this.line;
      this.state = S_LITERAL;
      return i + 1;
    }
    throw this.malformed('expected a value', i);
  }

  private closeContainer(): void {
    const frame = this.stack.pop();
    if (frame !== undefined && frame.target >= 0) {
      this.events.push({
        kind: 'arrayEnd',
        target: frame.target,
        path: frame.path,
        count: frame.index,
      });
    }
    this.afterValue();
  }

  private afterValue(): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.state = S_DONE;
      return;
    }
    if (top.isArray) top.index++;
    this.state = S_AFTER;
  }

  // ---- strict strings and literals ----

  private beginString(isKey: boolean, contentStart: number): void {
    this.state = S_STRING;
    this.strIsKey = isKey;
    this.strEsc = 0;
    this.strControlSeen = false;
    const top = this.stack[this.stack.length - 1];
    this.keyCollecting = isKey && top?.live === true;
    if (this.keyCollecting) {
      this.keyParts = [];
      this.keyBytes = 0;
      this.keyChunkStart = contentStart;
      this.keyNeedsParse = false;
    }
  }

  private runString(buf: Buffer, start: number, n: number): number {
    let esc = this.strEsc;
    let i = start;
    for (; i < n; i++) {
      const b = buf[i] ?? 0;
      if (esc === 0) {
        if (b === QUOTE) {
          this.strEsc = 0;
          this.endString(buf, i);
          return i + 1;
        }
        if (b === BACKSLASH) {
          esc = 1;
          this.keyNeedsParse = true;
        } else if (b < 0x20) {
          this.strictControl(i, b);
        }
      } else if (esc === 1) {
        if (b === 0x75) esc = 2;
        else if (isEscapable(b)) esc = 0;
        else if (b < 0x20) {
          this.strictControl(i, b);
          esc = 0;
        } else throw this.malformed('invalid escape sequence in a string', i);
      } else {
        if (!isHex(b)) throw this.malformed('invalid \\u escape in a string', i);
        esc = esc === 5 ? 0 : esc + 1;
      }
    }
    this.strEsc = esc;
    return i;
  }

  private strictControl(i: number, b: number): void {
    this.keyNeedsParse = true;
    if (!this.strControlSeen) {
      this.strControlSeen = true;
      this.warn(
        'control_character',
        'raw control character (U+0000–U+001F) inside a string, read as if escaped',
        this.at(i),
      );
    }
    if (b === LF) this.line++;
  }

  private endString(buf: Buffer, quote: number): void {
    if (!this.strIsKey) {
      this.afterValue();
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) {
      top.key = null;
      if (this.keyCollecting) {
        this.keepKeyPart(buf.subarray(this.keyChunkStart, quote));
        if (this.keyBytes <= MAX_KEY_BYTES) top.key = this.decodeKey();
        this.keyCollecting = false;
        this.keyParts = [];
      }
    }
    this.state = S_COLON;
  }

  private keepKeyPart(part: Buffer): void {
    this.keyBytes += part.length;
    if (this.keyBytes <= MAX_KEY_BYTES) this.keyParts.push(part);
    this.keyChunkStart = 0;
  }

  private decodeKey(): string | null {
    const raw =
      this.keyParts.length === 1
        ? (this.keyParts[0] ?? Buffer.alloc(0))
        : Buffer.concat(this.keyParts);
    if (!this.keyNeedsParse) return raw.toString('utf8');
    try {
      const quoted = Buffer.concat([Buffer.from('"'), raw, Buffer.from('"')]);
      const value: unknown = JSON.parse(escapeRawControls(quoted).toString('utf8'));
      return typeof value === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  private runLiteral(buf: Buffer, start: number, n: number): number {
    let i = start;
    for (; i < n; i++) {
      const b = buf[i] ?? 0;
      if (isLiteralByte(b)) {
        this.literal += String.fromCharCode(b);
        if (this.literal.length > MAX_LITERAL) {
          throw this.malformedAt(
            'a number or literal is too long',
            this.literalStart,
            this.literalLine,
          );
        }
        continue;
      }
      if (isWhitespace(b) || b === 0x2c || b === 0x5d || b === 0x7d) {
        this.finishLiteral();
        return i;
      }
      throw this.malformed('invalid character in a number or literal', i);
    }
    return i;
  }

  private finishLiteral(): void {
    const text = this.literal;
    if (text !== 'true' && text !== 'false' && text !== 'null' && !NUMBER.test(text)) {
      throw this.malformedAt('invalid number or literal', this.literalStart, this.literalLine);
    }
    this.afterValue();
  }

  // ---- captures (elements and fields) ----

  private beginCapture(
    buf: Buffer,
    i: number,
    what: 'element' | 'field',
    target: number,
    field: number,
    path: readonly PathSegment[],
    index: number,
  ): number {
    const b = buf[i] ?? 0;
    if (b === 0x7b || b === 0x5b) {
      this.capKind = CAP_CONTAINER;
      this.capDepth = 1;
      this.capInString = false;
    } else if (b === QUOTE) {
      this.capKind = CAP_STRING;
      this.capDepth = 0;
      this.capInString = true;
    } else if (isLiteralStart(b)) {
      this.capKind = CAP_LITERAL;
      this.capDepth = 0;
      this.capInString = false;
    } else {
      throw this.malformed('expected a value', i);
    }
    this.capWhat = what;
    this.capTarget = target;
    this.capField = field;
    this.capPath = path;
    this.capIndex = index;
    this.capEscape = false;
    this.capStart = this.offset + i;
    this.capLine = this.line;
    this.capChunkStart = i;
    this.capParts = [];
    this.capBytes = 0;
    this.capControls = 0;
    this.state = S_CAPTURE;
    return i + 1;
  }

  /**
   * The hot loop: finds where a container or string ends, counting lines and raw control
   * characters; JSON.parse validates the content afterwards.
   */
  private runCapture(buf: Buffer, start: number, n: number): number {
    let depth = this.capDepth;
    let inString = this.capInString;
    let escaped = this.capEscape;
    let line = this.line;
    let i = start;
    for (; i < n; i++) {
      const b = buf[i] ?? 0;
      if (inString) {
        if (escaped) {
          escaped = false;
          if (b < 0x20) {
            this.captureControl(i, line);
            if (b === LF) line++;
          }
        } else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        } else if (b < 0x20) {
          this.captureControl(i, line);
          if (b === LF) line++;
        }
      } else if (b === QUOTE) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if (b === 0x7d || b === 0x5d) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      } else if (b === LF) line++;
    }
    this.line = line;
    this.capDepth = depth;
    this.capInString = inString;
    this.capEscape = escaped;
    if (depth === 0 && !inString) {
      this.finishCapture(buf.subarray(this.capChunkStart, i));
    }
    return i;
  }

  private runCaptureLiteral(buf: Buffer, start: number, n: number): number {
    let i = start;
    for (; i < n; i++) {
      const b = buf[i] ?? 0;
      if (isWhitespace(b) || b === 0x2c || b === 0x5d || b === 0x7d) {
        this.finishCapture(buf.subarray(this.capChunkStart, i));
        return i;
      }
      if (this.capBytes + (i - this.capChunkStart) > MAX_LITERAL) {
        throw this.malformedAt('a number or literal is too long', this.capStart, this.capLine);
      }
    }
    return i;
  }

  private captureControl(i: number, line: number): void {
    if (this.capControls === 0) {
      this.capFirstControl = this.offset + i;
      this.capFirstControlLine = line;
    }
    this.capControls++;
  }

  private keepCapturePart(part: Buffer): void {
    this.capBytes += part.length;
    if (this.capBytes > this.maxValueBytes) {
      throw new ChatscreenError(
        'input_too_large',
        `one JSON record is larger than ${this.maxValueBytes} bytes`,
        {
          location: {
            file: this.file,
            byteOffset: this.capStart,
            byteLength: this.capBytes,
            line: this.capLine,
          },
        },
      );
    }
    this.capParts.push(part);
    this.capChunkStart = 0;
  }

  private finishCapture(last: Buffer): void {
    this.keepCapturePart(last);
    const parts = this.capParts;
    const bytes = parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts);
    this.capParts = [];
    const location: SourceLocation = {
      file: this.file,
      byteOffset: this.capStart,
      byteLength: bytes.length,
      line: this.capLine,
    };
    if (this.capControls > 0) {
      this.warn(
        'control_character',
        `${this.capControls} raw control character(s) (U+0000–U+001F) inside strings, read as if escaped`,
        {
          file: this.file,
          byteOffset: this.capFirstControl,
          byteLength: 1,
          line: this.capFirstControlLine,
        },
      );
    }
    const parsed = parseJsonSlice(bytes, this.capControls > 0);
    if (parsed.invalidUtf8At !== null) {
      this.warn('invalid_utf8', 'invalid UTF-8 bytes were read as U+FFFD', {
        file: this.file,
        byteOffset: this.capStart + parsed.invalidUtf8At,
        byteLength: 1,
        line: null,
      });
    }
    if (this.capWhat === 'field') {
      this.events.push({
        kind: 'field',
        field: this.capField,
        path: this.capPath,
        value: parsed.ok ? parsed.value : undefined,
        location,
      });
    } else if (parsed.ok) {
      this.events.push({
        kind: 'element',
        target: this.capTarget,
        path: this.capPath,
        index: this.capIndex,
        ordinal: this.ordinal++,
        value: parsed.value,
        location,
      });
    } else {
      this.events.push({
        kind: 'invalidElement',
        target: this.capTarget,
        path: this.capPath,
        index: this.capIndex,
        ordinal: this.ordinal++,
        location,
        errorAt: this.capStart + parsed.errorAt,
      });
    }
    this.afterValue();
  }

  // ---- errors ----

  private at(i: number): SourceLocation {
    return { file: this.file, byteOffset: this.offset + i, byteLength: 1, line: this.line };
  }

  private malformed(detail: string, i: number): ChatscreenError {
    return new ChatscreenError('malformed_input', `invalid JSON: ${detail}`, {
      location: this.at(i),
    });
  }

  private malformedAt(detail: string, byteOffset: number, line: number): ChatscreenError {
    return new ChatscreenError('malformed_input', `invalid JSON: ${detail}`, {
      location: { file: this.file, byteOffset, byteLength: 1, line },
    });
  }
}
