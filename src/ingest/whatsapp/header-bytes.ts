import { to24Hour } from './meridiem.js';

/**
 * The header reader of both passes: the same common shapes as header-fast.ts, read from the raw
 * bytes of a line, so that the first pass decodes nothing but names and the second only what
 * follows the header. It fills `into` (no allocation) and returns false for anything else; the
 * caller then decodes the line and uses the full grammar. Where it returns true, the string
 * readers agree (header.test.ts checks).
 */
export interface ByteHeader {
  style: 'bracket' | 'dash';
  fields: [number, number, number];
  widths: [number, number, number];
  readonly eraPrefix: null;
  readonly eraSuffix: null;
  readonly buddhist: false;
  /** 24-hour. */
  hour: number;
  minute: number;
  second: number;
  /** Marks before the opening bracket (see RawHeader). */
  markedLine: boolean;
  /** Byte index in the buffer where the rest of the line starts. */
  restStart: number;
  /** UTF-16 units of the line before `restStart` (marks and no-break spaces take several bytes). */
  units: number;
}

export function newByteHeader(): ByteHeader {
  return {
    style: 'dash',
    fields: [0, 0, 0],
    widths: [0, 0, 0],
    eraPrefix: null,
    eraSuffix: null,
    buddhist: false,
    hour: 0,
    minute: 0,
    second: 0,
    markedLine: false,
    restStart: 0,
    units: 0,
  };
}

const SLASH = 0x2f;
const DOT = 0x2e;
const DASH = 0x2d;
const COMMA = 0x2c;
const SPACE = 0x20;
const COLON = 0x3a;
const CLOSE = 0x5d;
const OPEN = 0x5b;

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** Length of the format mark (see marks.ts) encoded at `i`, or 0. */
export function markLength(buf: Buffer, i: number, end: number): number {
  const b0 = buf[i];
  if (b0 === 0xe2 && i + 2 < end) {
    const b1 = buf[i + 1];
    const b2 = buf[i + 2] ?? 0;
    if (b1 === 0x80 && (b2 === 0x8e || b2 === 0x8f || (b2 >= 0xaa && b2 <= 0xae))) return 3;
    if (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return 3;
    return 0;
  }
  if (b0 === 0xef && i + 2 < end && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf) return 3;
  if (b0 === 0xd8 && i + 1 < end && buf[i + 1] === 0x9c) return 2;
  return 0;
}

/** Index of the first byte after the leading marks. */
export function skipMarkBytes(buf: Buffer, start: number, end: number): number {
  let i = start;
  for (;;) {
    const n = markLength(buf, i, end);
    if (n === 0) return i;
    i += n;
  }
}

/** Reads a run of 1..max ASCII digits at `i`: value * 8 + width, or -1. */
function digitsAt(buf: Buffer, i: number, end: number, max: number): number {
  let value = 0;
  let width = 0;
  while (i + width < end && isDigit(buf[i + width] ?? 0)) {
    value = value * 10 + (buf[i + width] ?? 0) - 48;
    width += 1;
    if (width > max) return -1;
  }
  return width === 0 ? -1 : value * 8 + width;
}

export function readCommonHeaderBytes(
  buf: Buffer,
  start: number,
  end: number,
  into: ByteHeader,
): boolean {
  const first = skipMarkBytes(buf, start, end);
  let i = first;
  const bracket = buf[i] === OPEN;
  if (bracket) i += 1;
  const r1 = digitsAt(buf, i, end, 4);
  if (r1 < 0) return false;
  i += r1 & 7;
  const sep = buf[i];
  if (sep !== SLASH && sep !== DOT && sep !== DASH) return false;
  i += 1;
  const r2 = digitsAt(buf, i, end, 2);
  if (r2 < 0) return false;
  i += r2 & 7;
  if (buf[i] !== sep) return false;
  i += 1;
  const r3 = digitsAt(buf, i, end, 4);
  if (r3 < 0) return false;
  i += r3 & 7;
  if (buf[i] === COMMA) i += 1;
  if (buf[i] !== SPACE) return false;
  i += 1;
  const rh = digitsAt(buf, i, end, 2);
  if (rh < 0) return false;
  i += rh & 7;
  const tsep = buf[i];
  if (tsep !== COLON && tsep !== DOT) return false;
  if (!isDigit(buf[i + 1] ?? 0) || !isDigit(buf[i + 2] ?? 0) || i + 2 >= end) return false;
  const minute = ((buf[i + 1] ?? 0) - 48) * 10 + (buf[i + 2] ?? 0) - 48;
  i += 3;
  let second = 0;
  const c = buf[i];
  if (i + 1 < end && (c === COLON || c === DOT) && isDigit(buf[i + 1] ?? 0)) {
    if (i + 2 >= end || !isDigit(buf[i + 2] ?? 0)) return false;
    if (i + 3 < end && isDigit(buf[i + 3] ?? 0)) return false;
    second = ((buf[i + 1] ?? 0) - 48) * 10 + (buf[i + 2] ?? 0) - 48;
    i += 3;
  }
  if ((i < end && isDigit(buf[i] ?? 0)) || minute > 59 || second > 59) return false;
  // Optional plain AM/PM after a space, NBSP (C2 A0) or narrow NBSP (E2 80 AF).
  let meridiem: 'am' | 'pm' | null = null;
  let multiByteGap = 0;
  const gap =
    buf[i] === SPACE
      ? 1
      : buf[i] === 0xc2 && buf[i + 1] === 0xa0
        ? 2
        : buf[i] === 0xe2 && buf[i + 1] === 0x80 && buf[i + 2] === 0xaf
          ? 3
          : 0;
  if (gap > 0 && i + gap + 1 < end) {
    const a = (buf[i + gap] ?? 0) | 0x20;
    const m = (buf[i + gap + 1] ?? 0) | 0x20;
    if ((a === 0x61 || a === 0x70) && m === 0x6d) {
      meridiem = a === 0x61 ? 'am' : 'pm';
      i += gap + 2;
      multiByteGap = gap - 1;
    }
  }
  const hour = to24Hour(rh >> 3, meridiem);
  if (hour === null) return false;
  if (bracket) {
    if (i >= end || buf[i] !== CLOSE) return false;
    i += 1;
    if (i < end) {
      if (buf[i] !== SPACE || (i + 1 < end && buf[i + 1] === DASH)) return false;
      i += 1;
    }
    into.style = 'bracket';
  } else {
    if (i + 2 >= end || buf[i] !== SPACE || buf[i + 1] !== DASH || buf[i + 2] !== SPACE) {
      return false;
    }
    i += 3;
    into.style = 'dash';
  }
  into.fields[0] = r1 >> 3;
  into.fields[1] = r2 >> 3;
  into.fields[2] = r3 >> 3;
  into.widths[0] = r1 & 7;
  into.widths[1] = r2 & 7;
  into.widths[2] = r3 & 7;
  into.hour = hour;
  into.minute = minute;
  into.second = second;
  into.markedLine = bracket && first > start;
  into.restStart = i;
  // Marks are one unit each (2 or 3 bytes); everything after them is ASCII but the gap.
  into.units = (first === start ? 0 : marksUnits(buf, start, first)) + i - first - multiByteGap;
  return true;
}

/** How many marks `buf[start, end)` holds (it holds nothing else). */
function marksUnits(buf: Buffer, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i += markLength(buf, i, end)) units += 1;
  return units;
}
