import { MAX_NAME_LENGTH } from './sender.js';

/**
 * sender.ts's ": " separators, found in a line's bytes (both passes look for names there before
 * decoding anything). A separator's byte index is at least its character index, so a name of
 * MAX_NAME_LENGTH UTF-16 units ends within three bytes per unit.
 */
export const MAX_NAME_BYTES = MAX_NAME_LENGTH * 3;

const COLON = 0x3a;
const SPACE = 0x20;

/** Where separators of a rest starting at `restStart` may be: before this index. */
export function separatorLimit(restStart: number, end: number): number {
  return Math.min(end - 1, restStart + MAX_NAME_BYTES + 1);
}

/** Index of the next ": " at or after `from` whose colon is before `limit`, or -1. */
export function nextSeparator(buf: Buffer, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    if (buf[i] === COLON && buf[i + 1] === SPACE) return i;
  }
  return -1;
}

/** Whether the rest at `start` is `prefix` followed by ": " (a separator before `limit`). */
export function continuesWith(buf: Buffer, start: number, limit: number, prefix: Buffer): boolean {
  const at = start + prefix.length;
  if (at >= limit || buf[at] !== COLON || buf[at + 1] !== SPACE) return false;
  for (let i = 0; i < prefix.length; i += 1) if (buf[start + i] !== prefix[i]) return false;
  return true;
}
