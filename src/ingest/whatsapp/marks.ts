/**
 * Format characters WhatsApp writes around headers, names and the text it generates: LRM/RLM,
 * the Arabic letter mark, the embeddings and isolates (U+202A-U+202E, U+2066-U+2069) and a stray
 * BOM. Where they surround a header or a name they are layout, not content; inside a message body
 * they are kept, because a sender may have typed them.
 */
export const MARK_CLASS = '\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069\\uFEFF';

export function isMark(code: number): boolean {
  return (
    code === 0x200e ||
    code === 0x200f ||
    code === 0x061c ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Index of the first character of `s` (from `from`) that is not a mark. */
export function skipMarks(s: string, from = 0): number {
  let i = from;
  while (i < s.length && isMark(s.charCodeAt(i))) i += 1;
  return i;
}

export function stripLeadingMarks(s: string): string {
  const i = skipMarks(s);
  return i === 0 ? s : s.slice(i);
}

/** Marks and plain or no-break spaces removed from both ends (for names). */
export function trimMarksAndSpaces(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isTrimmable(s.charCodeAt(start))) start += 1;
  while (end > start && isTrimmable(s.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function isTrimmable(code: number): boolean {
  return isMark(code) || code === 0x20 || code === 0xa0 || code === 0x202f;
}
