import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../../lib/utf8.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HEX = '0123456789abcdef';

export type SliceParse =
  | { ok: true; value: unknown; invalidUtf8At: number | null }
  | { ok: false; errorAt: number; invalidUtf8At: number | null };

/**
 * Parses the bytes of one JSON value. Raw control characters (U+0000–U+001F) inside strings,
 * which strict JSON rejects but some exporters write (Telegram Desktop among them), are first
 * rewritten as `\u00XX` escapes so the text keeps them exactly; the caller warns. Invalid UTF-8
 * decodes to U+FFFD (the caller warns with `invalidUtf8At`, relative to the slice).
 * `errorAt` is a byte offset relative to the slice; the engine's message is never passed on
 * because V8 quotes the offending input in it, and error details must not carry message text.
 */
export function parseJsonSlice(bytes: Buffer, hasRawControls: boolean): SliceParse {
  const invalidUtf8At = isUtf8(bytes) ? null : firstInvalidUtf8(bytes);
  const source = hasRawControls ? escapeRawControls(bytes) : bytes;
  const text = source.toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text), invalidUtf8At };
  } catch (error) {
    // Positions are UTF-16 indices into `text`; map back to bytes. With rewritten control
    // characters the positions no longer line up with the original, so point at the start.
    const position = positionOf(error);
    const errorAt =
      position === null || hasRawControls
        ? 0
        : Math.min(Buffer.byteLength(text.slice(0, position), 'utf8'), bytes.length);
    return { ok: false, errorAt, invalidUtf8At };
  }
}

function positionOf(error: unknown): number | null {
  if (!(error instanceof SyntaxError)) return null;
  const match = /position (\d+)/.exec(error.message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * Rewrites raw control bytes inside strings as `\u00XX`. A backslash directly followed by a raw
 * control byte (no valid escape) is read as that control character. Bytes outside strings are
 * left alone: tab, CR and LF there are whitespace, anything else stays an error for JSON.parse.
 */
export function escapeRawControls(bytes: Buffer): Buffer {
  const out: number[] = [];
  let inString = false;
  let escaped = false;
  for (const b of bytes) {
    if (!inString) {
      if (b === QUOTE) inString = true;
      out.push(b);
      continue;
    }
    if (escaped) {
      escaped = false;
      if (b < 0x20) {
        pushEscape(out, b);
        continue;
      }
      out.push(BACKSLASH, b);
      continue;
    }
    if (b === BACKSLASH) {
      escaped = true;
      continue;
    }
    if (b === QUOTE) inString = false;
    if (b < 0x20) pushEscape(out, b);
    else out.push(b);
  }
  if (escaped) out.push(BACKSLASH);
  return Buffer.from(out);
}

function pushEscape(out: number[], b: number): void {
  // `\u00XX`
  out.push(BACKSLASH, 0x75, 0x30, 0x30, HEX.charCodeAt(b >> 4), HEX.charCodeAt(b & 15));
}
