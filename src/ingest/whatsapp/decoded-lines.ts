import { isUtf8 } from 'node:buffer';
import type { Eol } from '../text/line-reader.js';

/**
 * The second pass's text decoding, a piece of the file at a time. Decoding each message text
 * alone (`Buffer#toString`, V8's UTF-8 decoder, one call per line) was the largest single cost
 * of a WhatsApp import; a streaming TextDecoder (ICU) decodes a whole piece of 16 KiB about
 * twice as fast, and the texts are then cut out of the piece's string.
 *
 * `load` decodes the whole lines of a piece that follow its first line break, when they are
 * valid UTF-8 (otherwise nothing: invalid bytes keep the per-line decoding and its warning, so
 * the replacement characters are exactly those of `Buffer#toString`). The assembler then asks
 * for every line in stream order (`take`); a line of the piece gives its text, any other line
 * (the one across two pieces, the file's first, a line after an overlong one) gives null and
 * is decoded from its bytes as before. A line break is one byte (LF) and one UTF-16 unit, so
 * the piece's lines and the string's lines correspond one to one.
 *
 * The texts are copied out of the piece's string: a substring would otherwise be a slice that
 * keeps the whole piece alive for as long as the message is kept.
 */
const LF = 10;
/** V8 copies substrings shorter than this (SlicedString::kMinLength); longer ones are slices. */
const MIN_SLICE = 13;
const STREAM = { stream: true } as const;

export class DecodedLines {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private text = '';
  /** Stream offset of the next line of the piece, and where it starts in `text`. */
  private nextByte = -1;
  private nextChar = 0;
  /** Stream offset just after the piece's last line break. */
  private endByte = -1;

  /** Decodes the lines of `bytes` (at stream offset `offset`) after its first line break. */
  load(bytes: Uint8Array, offset: number): void {
    this.nextByte = -1;
    this.endByte = -1;
    this.text = '';
    const first = bytes.indexOf(LF);
    if (first < 0) return;
    const last = bytes.lastIndexOf(LF);
    if (last <= first) return;
    const block = bytes.subarray(first + 1, last + 1);
    if (!isUtf8(block)) return;
    // Whole valid lines: the streaming decoder is left with nothing pending.
    this.text = this.decoder.decode(block, STREAM);
    this.nextByte = offset + first + 1;
    this.nextChar = 0;
    this.endByte = offset + last + 1;
  }

  /**
   * The line at `byteOffset` (`byteLength` bytes, then `eol`) from its UTF-16 unit `skip` to
   * its end, when it is the next line of the piece; null otherwise (decode it from its bytes).
   */
  take(byteOffset: number, byteLength: number, eol: Eol, skip: number): string | null {
    if (byteOffset !== this.nextByte) return null;
    const lineEnd = byteOffset + byteLength + eol.length;
    if (eol === '' || lineEnd > this.endByte) {
      this.nextByte = -1;
      return null;
    }
    const start = this.nextChar;
    // A line of n bytes holds at least n/3 UTF-16 units, and no line break before its end.
    const nl = this.text.indexOf('\n', start + ((byteLength / 3) | 0));
    if (nl < 0) {
      this.nextByte = -1;
      return null;
    }
    this.nextByte = lineEnd;
    this.nextChar = nl + 1;
    const from = start + skip;
    const to = eol === '\r\n' ? nl - 1 : nl;
    if (to - from < MIN_SLICE) return this.text.substring(from, to);
    // Concatenated and cut again: the cut flattens the pair into a string of its own.
    return ` ${this.text.substring(from, to)}`.slice(1);
  }
}
