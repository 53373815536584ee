import {
  formatUtc,
  formatWallTime,
  isValidWallTime,
  type WallTime,
  wallAsUtcMs,
  type ZoneConverter,
  type ZoneResolution,
} from '../time/zoned.js';

export interface ReadTime {
  sentAt: string;
  sentAtLocal: string;
  /** How a time without an offset fell in the case zone ('exact' when it had an offset). */
  resolution: ZoneResolution;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * ISO-8601 date-times as other tools write them: `T` or a space, optional seconds and fraction,
 * `Z`, `±HH:MM`, `±HHMM` or `±HH`, or no offset (then read in the case zone, DST-aware).
 * `sentAtLocal` is the wall time as written. Null for anything else (dates alone, epochs...).
 */
export function readIsoTime(value: string, zone: ZoneConverter): ReadTime | null {
  const m = ISO.exec(value.trim());
  if (m === null) return null;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (!isValidWallTime(wall)) return null;
  const millis = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const offset = m[8];
  if (offset === undefined) {
    const instant = zone.toInstant(wall);
    return {
      sentAt: formatUtc(instant.epochMs + millis),
      sentAtLocal: formatWallTime(wall),
      resolution: instant.resolution,
    };
  }
  const offsetMs = offsetMillis(offset);
  if (offsetMs === null) return null;
  return {
    sentAt: formatUtc(wallAsUtcMs(wall) + millis - offsetMs),
    sentAtLocal: formatWallTime(wall),
    resolution: 'exact',
  };
}

function offsetMillis(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes) * 60_000;
}
