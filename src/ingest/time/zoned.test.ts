import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatscreenError } from '../../domain/index.js';
import { formatUtc, formatWallTime, isValidWallTime, wallTimeAt, ZoneConverter } from './zoned.js';

const wall = (s: string) => {
  const [date = '', time = ''] = s.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
    second: second ?? 0,
  };
};

describe('ZoneConverter', () => {
  it.each([
    ['Europe/London', '2023-01-15T12:00:00', '2023-01-15T12:00:00.000Z', 'exact'],
    ['Europe/London', '2023-07-15T12:00:00', '2023-07-15T11:00:00.000Z', 'exact'],
    // Spring forward: 01:30 does not exist on 26 March 2023 in London.
    ['Europe/London', '2023-03-26T01:30:00', '2023-03-26T01:30:00.000Z', 'gap'],
    // Fall back: 01:30 happens twice on 29 October 2023; the first (BST) is taken.
    ['Europe/London', '2023-10-29T01:30:00', '2023-10-29T00:30:00.000Z', 'ambiguous'],
    ['America/New_York', '2023-03-12T02:30:00', '2023-03-12T07:30:00.000Z', 'gap'],
    ['America/New_York', '2023-11-05T01:30:00', '2023-11-05T05:30:00.000Z', 'ambiguous'],
    ['Asia/Kolkata', '2020-02-29T23:59:59', '2020-02-29T18:29:59.000Z', 'exact'],
    ['Australia/Lord_Howe', '2023-04-02T01:45:00', '2023-04-01T14:45:00.000Z', 'ambiguous'],
    ['UTC', '1999-12-31T23:59:59', '1999-12-31T23:59:59.000Z', 'exact'],
  ])('%s %s -> %s (%s)', (zone, local, utc, resolution) => {
    const result = new ZoneConverter(zone).toInstant(wall(local));
    expect(formatUtc(result.epochMs)).toBe(utc);
    expect(result.resolution).toBe(resolution);
  });

  it('round-trips every hour of a DST year through wallTimeAt', () => {
    const converter = new ZoneConverter('Europe/Berlin');
    const start = Date.UTC(2024, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 3_600_000) {
      const local = wallTimeAt(converter, t);
      const back = converter.toInstant(local);
      if (back.resolution !== 'ambiguous') expect(back.epochMs).toBe(t);
    }
  });

  it('rejects an unknown zone with the option to fix', () => {
    expect(() => new ZoneConverter('Mars/Olympus')).toThrowError(ChatscreenError);
    try {
      new ZoneConverter('Mars/Olympus');
    } catch (error) {
      expect((error as ChatscreenError).option).toBe('--tz');
    }
  });
});

describe('wall time helpers', () => {
  it('validates calendar dates', () => {
    expect(isValidWallTime(wall('2024-02-29T00:00:00'))).toBe(true);
    expect(isValidWallTime(wall('2023-02-29T00:00:00'))).toBe(false);
    expect(isValidWallTime(wall('2023-04-31T00:00:00'))).toBe(false);
    expect(isValidWallTime(wall('2023-04-30T24:00:00'))).toBe(false);
  });

  it('formats years below 1000 and ISO local times', () => {
    expect(formatWallTime(wall('0999-01-02T03:04:05'))).toBe('0999-01-02T03:04:05');
  });
});

describe('ZoneConverter offsets, remembered as intervals', () => {
  /** The offset straight from Intl, without any cache: what every lookup must give. */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const reference = (zone: string, epochMs: number): number => {
    let format = formats.get(zone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      formats.set(zone, format);
    }
    const at = Math.floor(epochMs / 900_000) * 900_000;
    const part = (type: string): number =>
      Number(format.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
    const local = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    );
    return local - at;
  };
  const ZONES = [
    'Europe/London',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Pacific/Apia',
    'Europe/Moscow',
    'America/Sao_Paulo',
    'Asia/Tehran',
    'America/St_Johns',
    'Antarctica/Troll',
  ];
  const FROM = Date.UTC(1970, 0, 1);
  const TO = Date.UTC(2040, 0, 1);

  it('gives Intl offsets along walks forwards, backwards and at random', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: FROM, max: TO }),
        fc.array(fc.integer({ min: -40 * 86_400_000, max: 40 * 86_400_000 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (zone, start, steps) => {
          const converter = new ZoneConverter(zone);
          let t = start;
          for (const step of steps) {
            t += step;
            expect(converter.offsetAt(t)).toBe(reference(zone, t));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('follows a year of Lord Howe (half-hour DST) in steps of 97 minutes', () => {
    const converter = new ZoneConverter('Australia/Lord_Howe');
    const start = Date.UTC(2023, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 97 * 60_000) {
      expect(converter.offsetAt(t)).toBe(reference('Australia/Lord_Howe', t));
    }
    // The changes themselves, to the quarter hour.
    for (const [utc, offset] of [
      [Date.UTC(2023, 3, 1, 14, 59), 11 * 3_600_000],
      [Date.UTC(2023, 3, 1, 15, 0), 10.5 * 3_600_000],
      [Date.UTC(2023, 8, 30, 15, 29), 10.5 * 3_600_000],
      [Date.UTC(2023, 8, 30, 15, 30), 11 * 3_600_000],
    ] as const) {
      expect(converter.offsetAt(utc)).toBe(offset);
    }
  });

  it('converts wall times exactly as the uncached rule does, across the samoan skipped day', () => {
    const converter = new ZoneConverter('Pacific/Apia');
    const skipped = converter.toInstant(wall('2011-12-30T12:00:00'));
    expect(skipped.resolution).toBe('gap');
    const before = converter.toInstant(wall('2011-12-29T23:59:59'));
    const after = converter.toInstant(wall('2011-12-31T00:00:00'));
    expect(formatUtc(before.epochMs)).toBe('2011-12-30T09:59:59.000Z');
    expect(formatUtc(after.epochMs)).toBe('2011-12-30T10:00:00.000Z');
  });
});
