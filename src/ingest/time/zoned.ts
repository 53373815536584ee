import { ChatscreenError } from '../../domain/index.js';

/** A wall-clock reading as written in an export (no zone). Month 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type ZoneResolution =
  /** Exactly one instant has this wall time. */
  | 'exact'
  /** Clocks went back: two instants share it; the earlier one was taken. */
  | 'ambiguous'
  /** Clocks went forward over it: it never existed; read with the offset in force before. */
  | 'gap';

export interface ZonedInstant {
  epochMs: number;
  resolution: ZoneResolution;
}

const BUCKET = 15 * 60 * 1000;
const DAY = 86_400_000;
/** Buckets in a day: the span over which equal offsets at both ends mean no change between. */
const DAY_BUCKETS = DAY / BUCKET;
/** Intervals of constant offset remembered (the most recently used first). */
const MAX_INTERVALS = 16;

/** Buckets `lo..hi` (inclusive) of BUCKET ms since the epoch, all with this offset. */
interface Interval {
  lo: number;
  hi: number;
  offset: number;
}

/**
 * Converts wall-clock times in an IANA zone to UTC, DST-correct. Hand-written over Intl rather
 * than a date library because it sits on the hot path of multi-GB imports.
 *
 * Every zone in use changes offset on a 15-minute boundary, and never twice within a day (the
 * conversion itself relies on that: a wall time's candidate offsets are those a day either
 * side). So offsets are computed per 15-minute bucket and remembered as intervals of constant
 * offset: two buckets at most a day apart with the same offset have that offset in between,
 * and a change inside a day is found by bisection. A few intervals are kept, so memory stays
 * constant and a 13-year export costs a few Intl calls per day of messages, not one per bucket.
 */
export class ZoneConverter {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly intervals: Interval[] = [];

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch (cause) {
      throw new ChatscreenError('invalid_option', `unknown time zone "${timeZone}"`, {
        option: '--tz',
        cause,
      });
    }
  }

  /** Offset of the zone from UTC, in ms, at the given instant. */
  offsetAt(epochMs: number): number {
    return this.intervalOf(Math.floor(epochMs / BUCKET)).offset;
  }

  toInstant(wall: WallTime): ZonedInstant {
    const asUtc = wallAsUtcMs(wall);
    const exact = this.exactInstant(asUtc);
    if (!Number.isNaN(exact)) return { epochMs: exact, resolution: 'exact' };
    // The two candidate offsets are those in force a day either side of the wall time;
    // a real zone never changes offset twice within a day.
    const before = this.offsetAt(asUtc - DAY);
    const after = this.offsetAt(asUtc + DAY);
    const candidates = before === after ? [before] : [before, after];
    const valid = candidates
      .map((offset) => asUtc - offset)
      .filter((instant) => this.offsetAt(instant) === asUtc - instant);
    if (valid.length === 0) {
      return { epochMs: asUtc - before, resolution: 'gap' };
    }
    const earliest = Math.min(...valid);
    return { epochMs: earliest, resolution: valid.length > 1 ? 'ambiguous' : 'exact' };
  }

  /**
   * The instant of a wall time (given as `wallAsUtcMs`) when the interval last used settles it
   * without a lookup: a day either side has its offset, so the time is neither skipped nor
   * repeated (what `toInstant` would find, `exact`). NaN otherwise: call `toInstant`.
   */
  exactInstant(asUtc: number): number {
    const last = this.intervals[0];
    if (last === undefined) return Number.NaN;
    const lo = last.lo * BUCKET + DAY;
    const hi = (last.hi + 1) * BUCKET - DAY;
    return asUtc >= lo && asUtc < hi ? asUtc - last.offset : Number.NaN;
  }

  private intervalOf(bucket: number): Interval {
    const list = this.intervals;
    for (let i = 0; i < list.length; i += 1) {
      const iv = list[i] as Interval;
      if (bucket < iv.lo || bucket > iv.hi) continue;
      if (i > 0) {
        list.splice(i, 1);
        list.unshift(iv);
      }
      return iv;
    }
    return this.learn(bucket);
  }

  /** A bucket no interval covers: its offset, joined to a neighbouring interval where it can be. */
  private learn(bucket: number): Interval {
    const offset = this.offsetOfBucket(bucket);
    let iv = this.intervals.find(
      (c) =>
        c.offset === offset &&
        ((bucket > c.hi && bucket - c.hi <= DAY_BUCKETS) ||
          (bucket < c.lo && c.lo - bucket <= DAY_BUCKETS)),
    );
    if (iv === undefined) {
      iv = { lo: bucket, hi: bucket, offset };
    } else if (bucket > iv.hi) {
      iv.hi = bucket;
    } else {
      iv.lo = bucket;
    }
    this.remember(iv);
    this.reachAhead(iv);
    return iv;
  }

  /**
   * Imports mostly move forward in time: the interval is stretched a day ahead, or up to the
   * change inside that day (found by bisection), whose far side becomes an interval too.
   */
  private reachAhead(iv: Interval): void {
    const far = iv.hi + DAY_BUCKETS;
    const farOffset = this.offsetOfBucket(far);
    if (farOffset === iv.offset) {
      iv.hi = far;
      return;
    }
    let same = iv.hi;
    let changed = far;
    while (changed - same > 1) {
      const mid = Math.floor((same + changed) / 2);
      if (this.offsetOfBucket(mid) === iv.offset) same = mid;
      else changed = mid;
    }
    iv.hi = same;
    const next = { lo: changed, hi: far, offset: farOffset };
    this.intervals.splice(1, 0, next);
    this.trim();
  }

  private remember(iv: Interval): void {
    const i = this.intervals.indexOf(iv);
    if (i >= 0) this.intervals.splice(i, 1);
    this.intervals.unshift(iv);
    this.trim();
  }

  private trim(): void {
    if (this.intervals.length > MAX_INTERVALS) this.intervals.length = MAX_INTERVALS;
  }

  private offsetOfBucket(bucket: number): number {
    return this.computeOffset(bucket * BUCKET);
  }

  private computeOffset(epochMs: number): number {
    const parts = this.format.formatToParts(new Date(epochMs));
    const get = (type: Intl.DateTimeFormatPartTypes): number => {
      const part = parts.find((p) => p.type === type);
      return part ? Number(part.value) : 0;
    };
    const era = parts.find((p) => p.type === 'era')?.value;
    const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
    const wall = wallAsUtcMs({
      year,
      month: get('month'),
      day: get('day'),
      hour: get('hour'),
      minute: get('minute'),
      second: get('second'),
    });
    // Intl truncates to whole seconds; drop the instant's milliseconds before comparing.
    return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  }
}

/** The wall time read as if it were UTC, in ms since the epoch. */
export function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** True when the fields name a real calendar date and time (no 31 February, no hour 24). */
export function isValidWallTime(wall: WallTime): boolean {
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31) return false;
  if (wall.hour < 0 || wall.hour > 23 || wall.minute < 0 || wall.minute > 59) return false;
  if (wall.second < 0 || wall.second > 59) return false;
  const ms = wallAsUtcMs(wall);
  const d = new Date(ms);
  return d.getUTCMonth() === wall.month - 1 && d.getUTCDate() === wall.day;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `2021-03-04T21:15:07`: the wall time as ISO-8601 without a zone. */
export function formatWallTime(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

/** `2021-03-04T21:15:07.000Z`. */
export function formatUtc(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The wall time of an instant in a zone, for formats that store instants (Slack, SMS). */
export function wallTimeAt(converter: ZoneConverter, epochMs: number): WallTime {
  const d = new Date(epochMs + converter.offsetAt(epochMs));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}
