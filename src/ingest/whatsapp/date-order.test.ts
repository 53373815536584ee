import { describe, expect, it } from 'vitest';
import { ChatscreenError, type DateOrder } from '../../domain/index.js';
import { DateOrderEvidence } from './date-order.js';
import { readDate } from './datetime.js';
import { parseHeader, type RawHeader } from './header.js';

function header(date: string): RawHeader {
  const h = parseHeader(`${date}, 10:00 - A: b`);
  if (h === null) throw new Error(`not a header: ${date}`);
  return h;
}

function decide(dates: string[], user: DateOrder | null = null) {
  const evidence = new DateOrderEvidence();
  dates.forEach((d, i) => {
    evidence.add(header(d), 'chat.txt', i * 10, 9, i + 1);
  });
  return evidence.decide(user, 'chat.txt');
}

function failure(dates: string[], user: DateOrder | null = null): ChatscreenError {
  try {
    decide(dates, user);
  } catch (error) {
    if (error instanceof ChatscreenError) return error;
  }
  throw new Error('expected a ChatscreenError');
}

describe('day/month order from the file', () => {
  it.each([
    ['a day over 12 first', ['01/02/2021', '13/02/2021'], 'dmy'],
    ['a day over 12 second', ['02/01/21', '02/13/21'], 'mdy'],
    ['year first needs no decision', ['2021/02/03', '2021/02/13'], 'ymd'],
    ['year first beside year last', ['2023/5/4', '1/23/23'], 'mdy'],
    ['the same date many times', ['13/02/2021', '13/02/2021', '13/02/2021'], 'dmy'],
  ] as const)('%s', (_name, dates, order) => {
    expect(decide([...dates])).toEqual({ order, fromChronology: false });
  });

  it('refuses to guess when every date reads both ways', () => {
    const error = failure(['01/02/2021', '03/04/2021', '11/01/2023']);
    expect(error.code).toBe('ambiguous_date_order');
    expect(error.option).toBe('--date-order');
    expect(error.location?.file).toBe('chat.txt');
  });

  it('lets the user decide what the file cannot', () => {
    expect(decide(['01/02/2021', '03/04/2021'], 'mdy')).toEqual({
      order: 'mdy',
      fromChronology: false,
    });
  });

  it('refuses an order the file contradicts, naming the first impossible line', () => {
    const error = failure(['01/02/2021', '13/02/2021'], 'mdy');
    expect(error.code).toBe('invalid_option');
    expect(error.option).toBe('--date-order');
    expect(error.location).toEqual({ file: 'chat.txt', byteOffset: 10, byteLength: 9, line: 2 });
  });

  it('uses the chronology only when it is unequivocal, and says so', () => {
    // Day-first runs forward (Feb to Mar); month-first jumps back twice (Oct 2 -> Feb 3 -> Nov 3 -> Mar 4).
    const forward = [
      '01/02/2021',
      '05/02/2021',
      '10/02/2021',
      '02/03/2021',
      '11/03/2021',
      '03/04/2021',
    ];
    expect(decide(forward)).toEqual({ order: 'dmy', fromChronology: true });
    // One step back is not enough to decide.
    expect(failure(['06/03/2017', '08/05/2017', '09/04/2017']).code).toBe('ambiguous_date_order');
  });

  it('with no order clean, takes the one with fewer impossible dates', () => {
    expect(decide(['13/01/2021', '14/01/2021', '01/13/2021'])).toEqual({
      order: 'dmy',
      fromChronology: false,
    });
  });
});

describe('readDate', () => {
  it.each([
    ['18/03/2022', 'dmy', [2022, 3, 18]],
    ['3/18/22', 'mdy', [2022, 3, 18]],
    ['29/02/2024', 'dmy', [2024, 2, 29]],
    ['29/02/2023', 'dmy', null],
    ['31/04/2023', 'dmy', null],
    ['18/3/2567', 'dmy', [2024, 3, 18]],
    ['21/03/18', 'ymd', [2021, 3, 18]],
    ['2021/03/18', 'mdy', [2021, 3, 18]],
    ['18/03/1850', 'dmy', null],
  ] as const)('%s as %s', (date, order, expected) => {
    const r = readDate(header(date), order);
    expect(r === null ? null : [r.year, r.month, r.day]).toEqual(expected);
  });

  it('reads eras and the Buddhist marker', () => {
    const era = parseHeader('[R6/03/04 21:15:07] A: b');
    const kanji = parseHeader('[令和元/5/1 0:00:00] A: b');
    const suffix = parseHeader('[3/18/4 H, 14:56:01] A: b');
    const be = parseHeader('[3/18/2565 BE, 14:56:01] A: b');
    const read = (h: RawHeader | null, o: DateOrder) => (h === null ? null : readDate(h, o));
    expect(read(era, 'dmy')).toMatchObject({ year: 2024, month: 3, day: 4 });
    expect(read(kanji, 'dmy')).toMatchObject({ year: 2019, month: 5, day: 1 });
    expect(read(suffix, 'mdy')).toMatchObject({ year: 1992, month: 3, day: 18 });
    expect(read(be, 'mdy')).toMatchObject({
      year: 2022,
      month: 3,
      day: 18,
      assumedBuddhist: false,
    });
    expect(read(header('18/3/2567'), 'dmy')).toMatchObject({ assumedBuddhist: true });
  });
});
