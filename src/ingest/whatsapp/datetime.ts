import type { DateOrder } from '../../domain/index.js';
import { isValidWallTime, type WallTime } from '../time/zoned.js';
import { gregorianYear } from './calendar.js';
import type { RawHeader } from './header.js';

/**
 * From what a header wrote to a calendar date and time. A date whose first number has three or
 * four digits, or a Japanese era before it, is year-first whatever the file's order; every other
 * date reads in the order decided for the file (date-order.ts).
 */

/** What a header wrote as its date (RawHeader and the first pass's ByteHeader both have it). */
export type DateFields = Pick<
  RawHeader,
  'fields' | 'widths' | 'eraPrefix' | 'eraSuffix' | 'buddhist'
>;

/** A header's date kept for comparing later headers with (the header object may be reused). */
export interface DateCopy {
  fields: [number, number, number];
  widths: [number, number, number];
  eraPrefix: string | null;
  eraSuffix: string | null;
  buddhist: boolean;
}

export function newDateCopy(): DateCopy {
  return {
    fields: [0, 0, 0],
    widths: [0, 0, 0],
    eraPrefix: null,
    eraSuffix: null,
    buddhist: false,
  };
}

export function copyDate(into: DateCopy, h: DateFields): void {
  [into.fields[0], into.fields[1], into.fields[2]] = h.fields;
  [into.widths[0], into.widths[1], into.widths[2]] = h.widths;
  into.eraPrefix = h.eraPrefix;
  into.eraSuffix = h.eraSuffix;
  into.buddhist = h.buddhist;
}

export function isYearFirst(h: DateFields): boolean {
  return h.eraPrefix !== null || h.widths[0] >= 3;
}

export interface DateReading {
  year: number;
  month: number;
  day: number;
  assumedBuddhist: boolean;
}

/** The date under `order`, or null when it is not a real date in that order. */
export function readDate(h: DateFields, order: DateOrder): DateReading | null {
  const [f1, f2, f3] = h.fields;
  const [w1, , w3] = h.widths;
  let y: number;
  let m: number;
  let d: number;
  let yearDigits: number;
  let era: string | null;
  if (isYearFirst(h)) {
    [y, m, d, yearDigits, era] = [f1, f2, f3, w1, h.eraPrefix];
  } else if (order === 'ymd') {
    // Only two-digit years can lead in a non-year-first date ("21/03/18").
    if (w3 > 2 || h.eraSuffix !== null || h.buddhist) return null;
    [y, m, d, yearDigits, era] = [f1, f2, f3, w1, null];
  } else {
    [y, yearDigits, era] = [f3, w3, h.eraSuffix];
    [d, m] = order === 'dmy' ? [f1, f2] : [f2, f1];
  }
  const reading = gregorianYear(y, yearDigits, era, h.buddhist);
  if (reading === null) return null;
  const wall: WallTime = { year: reading.year, month: m, day: d, hour: 0, minute: 0, second: 0 };
  if (!isValidWallTime(wall)) return null;
  return { year: reading.year, month: m, day: d, assumedBuddhist: reading.assumedBuddhist };
}

/** The full wall time, or null when the date is not real in `order`. */
export function wallTimeOf(h: RawHeader, order: DateOrder): WallTime | null {
  const date = readDate(h, order);
  if (date === null) return null;
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: h.hour,
    minute: h.minute,
    second: h.second,
  };
}

/** A sortable number for a date (for chronology checks). */
export function dayNumber(date: DateReading): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/** Two headers wrote the same date the same way (so they read the same in any order). */
export function sameDate(a: DateFields, b: DateFields): boolean {
  return (
    a.fields[0] === b.fields[0] &&
    a.fields[1] === b.fields[1] &&
    a.fields[2] === b.fields[2] &&
    a.widths[0] === b.widths[0] &&
    a.widths[2] === b.widths[2] &&
    a.eraPrefix === b.eraPrefix &&
    a.eraSuffix === b.eraSuffix &&
    a.buddhist === b.buddhist
  );
}
