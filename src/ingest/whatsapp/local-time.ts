import {
  formatUtc,
  formatWallTime,
  type WallTime,
  type ZoneConverter,
  type ZoneResolution,
} from '../time/zoned.js';

/** What `convert` returns: one object, overwritten by the next call. */
export interface ConvertedTime {
  sentAt: string;
  sentAtLocal: string;
  /** `sentAt` in ms since the epoch. */
  epochMs: number;
  resolution: ZoneResolution;
}

const PAD = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** "MM:SS" for every minute and second of an hour, and the same with ".000Z". */
const MINUTE_SECOND = Array.from(
  { length: 3600 },
  (_, i) => `${PAD[Math.floor(i / 60)] ?? ''}:${PAD[i % 60] ?? ''}`,
);
const MINUTE_SECOND_Z = MINUTE_SECOND.map((ms) => `${ms}.000Z`);
const MINUTE = 60_000;
const HOUR = 3_600_000;

/**
 * Wall times to `sentAt`/`sentAtLocal` strings, fast for the common case: when the zone's offset
 * is settled around the time (ZoneConverter.exactInstant, no lookup), the strings are a cached
 * per-hour prefix and a minute:second suffix from a table. Anything else (a time near an offset
 * change, a year outside 1000-9999) takes ZoneConverter's full path, which reports gaps and
 * ambiguities, and formats from scratch.
 */
export class LocalTimeFormatter {
  /** The last wall date and its midnight read as UTC (Date.UTC once per day, not per message). */
  private dayYear = 0;
  private dayMonth = 0;
  private dayDay = 0;
  private dayMs = 0;
  private hourKey = Number.NaN;
  /** The minute and second (as an index of MINUTE_SECOND) of the last fast conversion. */
  private lastIndex = -1;
  private hourOffset = Number.NaN;
  /** `YYYY-MM-DDTHH:` of the instant's UTC hour, null when the offset is not whole hours. */
  private utcPrefix: string | null = null;
  private localPrefix = '';
  private readonly out: ConvertedTime = {
    sentAt: '',
    sentAtLocal: '',
    epochMs: 0,
    resolution: 'exact',
  };

  constructor(private readonly converter: ZoneConverter) {}

  convert(wall: WallTime): ConvertedTime {
    const out = this.out;
    if (wall.year >= 1000 && wall.year <= 9999) {
      if (wall.day !== this.dayDay || wall.month !== this.dayMonth || wall.year !== this.dayYear) {
        this.dayMs = Date.UTC(wall.year, wall.month - 1, wall.day);
        this.dayYear = wall.year;
        this.dayMonth = wall.month;
        this.dayDay = wall.day;
      }
      const hourMs = this.dayMs + wall.hour * HOUR;
      const within = wall.minute * MINUTE + wall.second * 1000;
      const epochMs = this.converter.exactInstant(hourMs + within);
      if (!Number.isNaN(epochMs)) {
        const offset = hourMs + within - epochMs;
        const i = wall.minute * 60 + wall.second;
        // The same minute as the message before (Android writes no seconds): the same strings.
        if (epochMs === out.epochMs && out.resolution === 'exact' && i === this.lastIndex) {
          return out;
        }
        if (hourMs !== this.hourKey || offset !== this.hourOffset) {
          this.loadHour(wall, hourMs, offset);
        }
        this.lastIndex = i;
        out.sentAt =
          this.utcPrefix === null
            ? formatUtc(epochMs)
            : this.utcPrefix + (MINUTE_SECOND_Z[i] ?? '');
        out.sentAtLocal = this.localPrefix + (MINUTE_SECOND[i] ?? '');
        out.epochMs = epochMs;
        out.resolution = 'exact';
        return out;
      }
    }
    const instant = this.converter.toInstant(wall);
    this.lastIndex = -1;
    out.sentAt = formatUtc(instant.epochMs);
    out.sentAtLocal = formatWallTime(wall);
    out.epochMs = instant.epochMs;
    out.resolution = instant.resolution;
    return out;
  }

  private loadHour(wall: WallTime, hourMs: number, offset: number): void {
    this.hourKey = hourMs;
    this.hourOffset = offset;
    const utc = formatUtc(hourMs - offset);
    // A prefix only for whole-hour offsets and four-digit UTC years ("+010000-..." has none).
    this.utcPrefix = offset % HOUR === 0 && utc.length === 24 ? utc.slice(0, 14) : null;
    this.localPrefix = formatWallTime({ ...wall, minute: 0, second: 0 }).slice(0, 14);
  }
}
