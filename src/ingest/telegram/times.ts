import type { SourceLocation } from '../../domain/index.js';
import { epochSecondsToMs, type MessageTimes, timesFromEpochMs } from '../json/instant.js';
import type { ParseReportBuilder } from '../report.js';
import { formatUtc, type ZoneConverter } from '../time/zoned.js';
import type { TelegramMessage } from './schema.js';

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/**
 * `date_unixtime` is the instant (authoritative); `date` is the exporting computer's wall clock
 * and is kept as written. Exports made before `date_unixtime` existed only have `date`: it is
 * then read in the case's zone, with a warning when that wall time is ambiguous or skipped.
 */
export function telegramTimes(
  m: TelegramMessage,
  zone: ZoneConverter,
  report: ParseReportBuilder,
  location: SourceLocation,
): MessageTimes {
  const epochMs = epochSecondsToMs(m.date_unixtime);
  const wall = m.date === undefined ? null : WALL.exec(m.date);
  if (epochMs !== null) {
    // With `date` written, the zone is not needed: it only supplies a missing wall clock.
    if (wall === null) return timesFromEpochMs(epochMs, zone);
    return { sentAt: timesFromEpochMs(epochMs, null).sentAt, sentAtLocal: m.date ?? null };
  }
  if (wall === null) return { sentAt: null, sentAtLocal: null };
  const [, y, mo, d, h, mi, s] = wall.map(Number);
  const instant = zone.toInstant({
    year: y ?? 0,
    month: mo ?? 0,
    day: d ?? 0,
    hour: h ?? 0,
    minute: mi ?? 0,
    second: s ?? 0,
  });
  if (instant.resolution !== 'exact') {
    report.warn(
      'ambiguous_local_time',
      instant.resolution === 'ambiguous'
        ? `local time occurs twice in ${zone.timeZone}; the earlier instant was taken`
        : `local time does not exist in ${zone.timeZone}; read with the offset before the change`,
      location,
    );
  }
  return { sentAt: formatUtc(instant.epochMs), sentAtLocal: m.date ?? null };
}
