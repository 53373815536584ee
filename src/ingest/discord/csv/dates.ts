import type { DateOrder } from '../../../domain/index.js';
import { parseIsoWithOffset } from '../../json/instant.js';
import { isValidWallTime, type WallTime } from '../../time/zoned.js';

/**
 * How DiscordChatExporter's CSV `Date` column can look. It is written with the exporting
 * machine's locale (`Context.FormatDate`), so besides ISO forms there are old DCE's
 * `05-Oct-22 05:24 PM` and locale short dates such as `10/5/2022 5:24 PM` or `05.10.2022 17:24`,
 * whose day/month order the file itself must settle (or the user, with --date-order).
 */
export type CsvDate =
  | { type: 'instant'; epochMs: number; local: string }
  | { type: 'wall'; wall: WallTime }
  | { type: 'numeric'; first: number; second: number; year: number; time: Clock };

interface Clock {
  hour: number;
  minute: number;
  second: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?\s*[Mm]\.?)?`;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const MONTH_NAME = new RegExp(String.raw`^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})\s+${TIME}$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2}),?\s+${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4}),?\s+${TIME}$`);

function clock(
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
): Clock | null {
  let hour = Number(h);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/[Pp]/.test(ampm) ? 12 : 0);
  }
  return { hour, minute: Number(mi), second: s === undefined ? 0 : Number(s) };
}

function fullYear(text: string | undefined): number {
  const year = Number(text);
  return (text ?? '').length === 2 ? 2000 + year : year;
}

function wallOrNull(wall: WallTime): CsvDate | null {
  return isValidWallTime(wall) ? { type: 'wall', wall } : null;
}

export function classifyCsvDate(text: string): CsvDate | null {
  const trimmed = text.trim();
  const instant = parseIsoWithOffset(trimmed);
  if (instant !== null) return { type: 'instant', ...instant };
  let m = ISO_LOCAL.exec(trimmed);
  if (m !== null) {
    const [, y, mo, d, h, mi, s] = m;
    return wallOrNull({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? 0),
    });
  }
  m = MONTH_NAME.exec(trimmed);
  if (m !== null) {
    const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
    const time = clock(m[4], m[5], m[6], m[7]);
    if (month === 0 || time === null) return null;
    return wallOrNull({ year: fullYear(m[3]), month, day: Number(m[1]), ...time });
  }
  m = YEAR_FIRST.exec(trimmed);
  if (m !== null) {
    const time = clock(m[4], m[5], m[6], m[7]);
    if (time === null) return null;
    return wallOrNull({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...time });
  }
  m = NUMERIC.exec(trimmed);
  if (m !== null) {
    const time = clock(m[4], m[5], m[6], m[7]);
    if (time === null) return null;
    return {
      type: 'numeric',
      first: Number(m[1]),
      second: Number(m[2]),
      year: fullYear(m[3]),
      time,
    };
  }
  return null;
}

/** What one numeric date says about the order: only a field above 12 can be the day. */
export function orderEvidence(date: CsvDate): DateOrder | null {
  if (date.type !== 'numeric') return null;
  if (date.first > 12 && date.second <= 12) return 'dmy';
  if (date.second > 12 && date.first <= 12) return 'mdy';
  return null;
}

/** A numeric date read in the given order; null when that makes no real date. */
export function numericWall(
  date: Extract<CsvDate, { type: 'numeric' }>,
  order: DateOrder,
): WallTime | null {
  const [day, month] = order === 'mdy' ? [date.second, date.first] : [date.first, date.second];
  const wall = { year: date.year, month, day, ...date.time };
  return isValidWallTime(wall) ? wall : null;
}
