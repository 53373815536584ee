import { isJapaneseEra } from './calendar.js';
import { DIGIT_CLASS, digitValue, parseDigits } from './digits.js';
import { parseCommonHeader } from './header-fast.js';
import { MARK_CLASS, skipMarks } from './marks.js';
import { meridiemOf, to24Hour } from './meridiem.js';
import type { HeaderStyle, RawHeader } from './raw-header.js';

/**
 * The header grammar: what starts a message line in a WhatsApp export, in every locale.
 *
 *   iOS      [18/03/2022, 14:56:01] Name: text        (also "[3/18/22 2:56:01 PM]", no comma...)
 *   Android  18/03/2022, 14:56 - Name: text           (also "23.03.22 13:31 - ", "23-03-2022 ...")
 *   legacy   18/03/2022 14:56: Name: text             (only when the whole file is written so)
 *
 * Dates are three numbers in any order with `/`, `.` or `-` (Korean and Hungarian ". "),
 * in any script's digits, with Japanese era prefixes or suffixes and the Buddhist "BE"; the time
 * may come first; hours are 12- or 24-hour with a localised marker before or after, separated
 * by a space, a no-break space or a narrow no-break space. LRM/RLM and embedding marks may sit
 * anywhere between tokens (Arabic exports put RLM after every date number).
 *
 * Which number is the day is not decided here (see date-order.ts): the header only says what
 * was written.
 */

export type { HeaderStyle, RawHeader } from './raw-header.js';

const M = `[${MARK_CLASS}]*`;
const SP = '[ \\u00A0\\u202F\\u2009]';
const D = `[${DIGIT_CLASS}]`;
const DATE_SEP = `${M}[./\\-]${M}${SP}?${M}`;
const ERA = 'R|H|S|T|M|令和|平成|昭和|大正|明治';
const DATE =
  `(?:(?<eraP>${ERA})${M})?(?<d1>${D}{1,4}|元)${DATE_SEP}(?<d2>${D}{1,2})${DATE_SEP}` +
  `(?<d3>${D}{1,4})(?:${M}\\.)?(?:${SP}(?<yearMark>BE|B\\.E\\.|พ\\.ศ\\.|${ERA}))?`;
/** Between date and time (either order): a comma (Latin or Arabic) and/or spaces. */
const JOIN = `(?:${M}[,،]${M}${SP}*|${M}${SP}+)${M}`;
const MERIDIEM_WORD = '\\p{L}[\\p{L}\\p{M}.]*';
const MERIDIEM = `${MERIDIEM_WORD}(?:${SP}${MERIDIEM_WORD})?`;
// "_" stands for a narrow no-break space in some transcribed exports ("3:22_AM").
const TIME =
  `(?:(?<merB>${MERIDIEM})${SP}?)?(?<h>${D}{1,2})[:.](?<mi>${D}{2})(?:[:.](?<s>${D}{2}))?` +
  `(?:${M}[ \\u00A0\\u202F\\u2009_]?${M}(?<merA>${MERIDIEM}))?`;
const END_BRACKET = `${M}\\]${M}(?:${SP}?[-–])?${SP}?`;
const END_DASH = `${M}${SP}*${M}[-–]${M}${SP}`;
const END_COLON = `${M}:${SP}`;

const PATTERNS: readonly { re: RegExp; style: HeaderStyle | 'plain' }[] = [
  { re: new RegExp(`^${M}\\[${M}${DATE}${JOIN}${TIME}${END_BRACKET}`, 'u'), style: 'bracket' },
  { re: new RegExp(`^${M}\\[${M}${TIME}${JOIN}${DATE}${END_BRACKET}`, 'u'), style: 'bracket' },
  {
    re: new RegExp(`^${M}${DATE}${JOIN}${TIME}(?<end>${END_DASH}|${END_COLON})`, 'u'),
    style: 'plain',
  },
  {
    re: new RegExp(`^${M}${TIME}${JOIN}${DATE}(?<end>${END_DASH}|${END_COLON})`, 'u'),
    style: 'plain',
  },
];

/** Loose shape of a header, for telling "unreadable header" from ordinary text. */
const HEADER_LIKE = new RegExp(
  `^${M}\\[?${M}(?:${D}{1,4}${DATE_SEP}${D}{1,2}${DATE_SEP}${D}{1,4}|${D}{1,2}[:.]${D}{2})[^\\]]{0,40}?(?:\\]|${SP}[-–]${SP})`,
  'u',
);

/** The header at the start of `line`, or null when the line does not start with one. */
export function parseHeader(line: string): RawHeader | null {
  const first = skipMarks(line);
  if (first >= line.length) return null;
  const c = line.charCodeAt(first);
  const bracket = c === 0x5b;
  if (!bracket && digitValue(c) < 0 && !startsWithEra(line, first)) return null;
  return parseCommonHeader(line, first) ?? parseWithGrammar(line, first, bracket);
}

/** The full grammar alone (the fast path must agree with it; tests compare the two). */
export function parseHeaderWithGrammar(line: string): RawHeader | null {
  const first = skipMarks(line);
  if (first >= line.length) return null;
  return parseWithGrammar(line, first, line.charCodeAt(first) === 0x5b);
}

function parseWithGrammar(line: string, first: number, bracket: boolean): RawHeader | null {
  const from = bracket ? 0 : 2;
  for (let p = from; p < from + 2; p += 1) {
    const pattern = PATTERNS[p];
    if (pattern === undefined) break;
    const m = pattern.re.exec(line);
    if (m?.groups === undefined) continue;
    const header = toHeader(m.groups, m[0].length, pattern.style, first > 0 && bracket);
    if (header !== null) return header;
  }
  return null;
}

/** True when a line is shaped like a header but could not be read as one (bad date, marker...). */
export function looksLikeHeader(line: string): boolean {
  return HEADER_LIKE.test(line);
}

function startsWithEra(line: string, at: number): boolean {
  const c = line.charCodeAt(at);
  // Latin era letters are checked by the pattern itself; these are the kanji eras' first chars.
  return c === 0x52 || c === 0x48 || c === 0x53 || c === 0x54 || c === 0x4d || isKanjiEraStart(c);
}

function isKanjiEraStart(c: number): boolean {
  return c === 0x4ee4 || c === 0x5e73 || c === 0x662d || c === 0x5927 || c === 0x660e;
}

function toHeader(
  g: Record<string, string | undefined>,
  length: number,
  patternStyle: HeaderStyle | 'plain',
  markedLine: boolean,
): RawHeader | null {
  const { d1 = '', d2 = '', d3 = '', h = '', mi = '' } = g;
  const f1 = d1 === '元' ? 1 : parseDigits(d1);
  const f2 = parseDigits(d2);
  const f3 = parseDigits(d3);
  const minute = parseDigits(mi);
  const second = g.s === undefined ? 0 : parseDigits(g.s);
  if (minute > 59 || second > 59) return null;
  if (g.merB !== undefined && g.merA !== undefined) return null;
  const marker = g.merB ?? g.merA;
  const meridiem = marker === undefined ? null : meridiemOf(marker);
  if (marker !== undefined && meridiem === null) return null;
  const hour = to24Hour(parseDigits(h), meridiem);
  if (hour === null) return null;
  const eraPrefix = g.eraP ?? null;
  const yearMark = g.yearMark;
  const buddhist = yearMark !== undefined && !isJapaneseEra(yearMark);
  const eraSuffix = yearMark !== undefined && isJapaneseEra(yearMark) ? yearMark : null;
  if (eraPrefix !== null && eraSuffix !== null) return null;
  let style: HeaderStyle;
  if (patternStyle === 'plain') {
    const end = g.end ?? '';
    style = end.includes('-') || end.includes('–') ? 'dash' : 'colon';
  } else {
    style = patternStyle;
  }
  return {
    style,
    fields: [f1, f2, f3],
    widths: [d1.length, d2.length, d3.length],
    eraPrefix,
    eraSuffix,
    buddhist,
    hour,
    minute,
    second,
    restStart: length,
    markedLine,
  };
}
