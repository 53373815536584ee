import { formatUtc, formatWallTime, wallTimeAt, type ZoneConverter } from '../time/zoned.js';

export interface MessageTimes {
  sentAt: string | null;
  sentAtLocal: string | null;
}

/** Latest instant accepted (year 9999); beyond it the export's number is not a time. */
const MAX_EPOCH_MS = 253_402_300_799_999;

/**
 * Times for formats that store an instant (Slack `ts`, Messenger `timestamp_ms`, Telegram
 * `date_unixtime` without `date`): UTC, and the wall clock in the case's zone (none without a zone).
 */
export function timesFromEpochMs(epochMs: number, zone: ZoneConverter | null): MessageTimes {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_EPOCH_MS) {
    return { sentAt: null, sentAtLocal: null };
  }
  const sentAtLocal = zone === null ? null : formatWallTime(wallTimeAt(zone, epochMs));
  return { sentAt: formatUtc(epochMs), sentAtLocal };
}

/** `"1692821483"` or `1692821483` (seconds) → ms, or null when it is not a whole number. */
export function epochSecondsToMs(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,15}$/.test(text)) return null;
  return Number(text) * 1000;
}

/**
 * Slack's `ts` ("1704067200.000001", seconds and microseconds) → ms, read from the digits so
 * that no float rounding moves an instant; microseconds below a millisecond are dropped.
 */
export function slackTsToMs(ts: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts);
  if (match === null) return null;
  const fraction = (match[2] ?? '').padEnd(6, '0');
  return Number(match[1]) * 1000 + Math.floor(Number(fraction) / 1000);
}

export interface OffsetTimestamp {
  epochMs: number;
  /** The wall clock as written, to the second: `2018-05-20T16:09:44`. */
  local: string;
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * `2018-05-20T16:09:44.209+00:00` (any number of fraction digits, as .NET writes them) → the
 * instant and the wall clock as written. Null when it is not such a timestamp or not a real date.
 */
export function parseIsoWithOffset(text: string): OffsetTimestamp | null {
  const m = ISO_WITH_OFFSET.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h) || Number(s) > 59) {
    return null;
  }
  const ms = Math.floor(Number((fraction ?? '').padEnd(3, '0').slice(0, 3)));
  let offsetMinutes = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return {
    epochMs: wall + ms - offsetMinutes * 60_000,
    local: `${y}-${mo}-${d}T${h}:${mi}:${s}`,
  };
}
