/**
 * 32-bit hashing for feature ids. Everything here is integer arithmetic on UTF-16 code units, so
 * the same text gives the same ids on every platform and no substring is ever allocated.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over `s[start, end)`. */
export function hashRange(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** Continues an FNV-1a hash with one more code unit (for rolling character n-grams). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

export const HASH_SEED = FNV_OFFSET;

/** murmur3's 32-bit finaliser: spreads the bits of a combined value. */
function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a feature template id with one or two value hashes. */
export function combine(template: number, a: number, b = 0): number {
  return fmix((Math.imul(template, 0x9e3779b1) ^ fmix(a ^ Math.imul(b, 0x27d4eb2f))) >>> 0);
}

/** Maps a hash onto a table of `size` rows; row 0 is reserved for padding (all zeros). */
export function bucket(hash: number, size: number): number {
  return 1 + (hash % (size - 1));
}
