import { describe, expect, it } from 'vitest';
import { formatUtc, formatWallTime, wallTimeAt, ZoneConverter } from '../time/zoned.js';
import { LocalTimeFormatter } from './local-time.js';

describe('LocalTimeFormatter', () => {
  it.each(['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'])(
    'matches ZoneConverter for every 37 minutes of 2023 in %s',
    (zone) => {
      const converter = new ZoneConverter(zone);
      const fast = new LocalTimeFormatter(converter);
      const start = Date.UTC(2023, 0, 1);
      for (let t = start; t < start + 366 * 86_400_000; t += 37 * 60_000 + 7_000) {
        const wall = wallTimeAt(converter, t);
        const slow = converter.toInstant(wall);
        expect({ ...fast.convert(wall) }).toEqual({
          sentAt: formatUtc(slow.epochMs),
          sentAtLocal: formatWallTime(wall),
          epochMs: slow.epochMs,
          resolution: slow.resolution,
        });
      }
    },
  );

  it('reports gaps and ambiguities like ZoneConverter', () => {
    const fast = new LocalTimeFormatter(new ZoneConverter('Europe/London'));
    const at = (month: number, day: number, hour: number, minute: number) =>
      fast.convert({ year: 2023, month, day, hour, minute, second: 0 });
    expect(at(3, 26, 1, 30)).toMatchObject({
      resolution: 'gap',
      sentAt: '2023-03-26T01:30:00.000Z',
    });
    expect(at(10, 29, 1, 30)).toMatchObject({
      resolution: 'ambiguous',
      sentAt: '2023-10-29T00:30:00.000Z',
    });
    expect(at(10, 29, 2, 30)).toMatchObject({
      resolution: 'exact',
      sentAt: '2023-10-29T02:30:00.000Z',
    });
  });
});
