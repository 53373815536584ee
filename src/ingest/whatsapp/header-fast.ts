import { to24Hour } from './meridiem.js';
import type { RawHeader } from './raw-header.js';

/**
 * The hot path of header parsing: the shapes nearly every export uses, with ASCII digits
 * ("18/03/2022, 14:56 - ", "[3/27/22, 9:41:35 PM] "), read by hand without a regular expression
 * or match objects. It returns undefined for anything else (marks between tokens, localised
 * markers, eras, other scripts, odd spacing), and the full grammar in header.ts decides; where it
 * returns a header, the grammar returns the same one (header.test.ts checks this).
 */

const SLASH = 0x2f;
const DOT = 0x2e;
const DASH = 0x2d;
const COMMA = 0x2c;
const SPACE = 0x20;
const COLON = 0x3a;
const NBSP = 0xa0;
const NNBSP = 0x202f;
const CLOSE = 0x5d;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function parseCommonHeader(line: string, first: number): RawHeader | undefined {
  const n = line.length;
  let i = first;
  const bracket = line.charCodeAt(i) === 0x5b;
  if (bracket) i += 1;
  // Date: three runs of ASCII digits with the same separator.
  let d1 = 0;
  const s1 = i;
  while (i < n && i - s1 < 5 && isDigit(line.charCodeAt(i)))
    d1 = d1 * 10 + line.charCodeAt(i++) - 48;
  const w1 = i - s1;
  if (w1 === 0 || w1 > 4) return undefined;
  const sep = line.charCodeAt(i);
  if (sep !== SLASH && sep !== DOT && sep !== DASH) return undefined;
  i += 1;
  let d2 = 0;
  const s2 = i;
  while (i < n && i - s2 < 3 && isDigit(line.charCodeAt(i)))
    d2 = d2 * 10 + line.charCodeAt(i++) - 48;
  const w2 = i - s2;
  if (w2 === 0 || w2 > 2 || line.charCodeAt(i) !== sep) return undefined;
  i += 1;
  let d3 = 0;
  const s3 = i;
  while (i < n && i - s3 < 5 && isDigit(line.charCodeAt(i)))
    d3 = d3 * 10 + line.charCodeAt(i++) - 48;
  const w3 = i - s3;
  if (w3 === 0 || w3 > 4) return undefined;
  // Join: ", ", "," + space or a single space.
  if (line.charCodeAt(i) === COMMA) i += 1;
  if (line.charCodeAt(i) !== SPACE) return undefined;
  i += 1;
  // Time: h:mm or h:mm:ss (or with dots).
  let hour = 0;
  const sh = i;
  while (i < n && i - sh < 3 && isDigit(line.charCodeAt(i)))
    hour = hour * 10 + line.charCodeAt(i++) - 48;
  if (i - sh === 0 || i - sh > 2) return undefined;
  const tsep = line.charCodeAt(i);
  if (tsep !== COLON && tsep !== DOT) return undefined;
  if (!isDigit(line.charCodeAt(i + 1)) || !isDigit(line.charCodeAt(i + 2))) return undefined;
  const minute = (line.charCodeAt(i + 1) - 48) * 10 + line.charCodeAt(i + 2) - 48;
  i += 3;
  let second = 0;
  const c = line.charCodeAt(i);
  if ((c === COLON || c === DOT) && isDigit(line.charCodeAt(i + 1))) {
    if (!isDigit(line.charCodeAt(i + 2)) || isDigit(line.charCodeAt(i + 3))) return undefined;
    second = (line.charCodeAt(i + 1) - 48) * 10 + line.charCodeAt(i + 2) - 48;
    i += 3;
  }
  if (isDigit(line.charCodeAt(i)) || minute > 59 || second > 59) return undefined;
  // Optional plain AM/PM after a space, no-break space or narrow no-break space.
  let meridiem: 'am' | 'pm' | null = null;
  const sp = line.charCodeAt(i);
  if (sp === SPACE || sp === NNBSP || sp === NBSP) {
    const a = line.charCodeAt(i + 1) | 0x20;
    const m = line.charCodeAt(i + 2) | 0x20;
    if ((a === 0x61 || a === 0x70) && m === 0x6d) {
      meridiem = a === 0x61 ? 'am' : 'pm';
      i += 3;
    }
  }
  const h24 = to24Hour(hour, meridiem);
  if (h24 === null) return undefined;
  let style: RawHeader['style'];
  if (bracket) {
    if (line.charCodeAt(i) !== CLOSE) return undefined;
    i += 1;
    const after = line.charCodeAt(i);
    if (after === SPACE) {
      if (line.charCodeAt(i + 1) === DASH) return undefined;
      i += 1;
    } else if (i < n && after !== SPACE) {
      // Anything but a space after "]" (marks, a dash, a letter) goes to the full grammar.
      return undefined;
    }
    style = 'bracket';
  } else {
    if (
      line.charCodeAt(i) !== SPACE ||
      line.charCodeAt(i + 1) !== DASH ||
      line.charCodeAt(i + 2) !== SPACE
    ) {
      return undefined;
    }
    i += 3;
    style = 'dash';
  }
  return {
    style,
    fields: [d1, d2, d3],
    widths: [w1, w2, w3],
    eraPrefix: null,
    eraSuffix: null,
    buddhist: false,
    hour: h24,
    minute,
    second,
    restStart: i,
    markedLine: first > 0 && bracket,
  };
}
