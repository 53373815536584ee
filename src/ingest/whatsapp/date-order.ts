import { ChatscreenError, type DateOrder, type SourceLocation } from '../../domain/index.js';
import {
  copyDate,
  type DateCopy,
  type DateFields,
  dayNumber,
  isYearFirst,
  newDateCopy,
  readDate,
  sameDate,
} from './datetime.js';

/**
 * Deciding the day/month order of a file from the file itself (first pass), never by guessing:
 * an order is possible when every header's date is a real date in it. When both day-first and
 * month-first remain possible, the chronology may decide, but only when it is unequivocal (one
 * order runs forward throughout, the other steps back to an earlier day at least twice); that
 * decision is reported. Otherwise the user's `--date-order` decides, and without it the import
 * stops with `ambiguous_date_order`. Year-first dates ("2021/03/04") need no decision.
 */

const AUTO = ['dmy', 'mdy'] as const;
type AutoOrder = (typeof AUTO)[number];
const ALL: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];
/** Backward day steps the rejected order must show before chronology may decide. */
const CHRONOLOGY_MARGIN = 2;

export interface OrderDecision {
  /** The order for dates that are not year-first; 'ymd' when every date is; null with no dates. */
  order: DateOrder | null;
  /** Decided from the chronology rather than from impossible dates (to be reported). */
  fromChronology: boolean;
}

export class DateOrderEvidence {
  yearFirst = 0;
  yearLast = 0;
  private readonly invalid: Record<DateOrder, number> = { dmy: 0, mdy: 0, ymd: 0 };
  private readonly firstInvalid: Record<DateOrder, SourceLocation | null> = {
    dmy: null,
    mdy: null,
    ymd: null,
  };
  private readonly backward: Record<AutoOrder, number> = { dmy: 0, mdy: 0 };
  private readonly lastDay: Record<AutoOrder, number> = { dmy: 0, mdy: 0 };
  /** The first real date's day number in each order (-1: none yet), for `merge`. */
  private readonly firstDay: Record<AutoOrder, number> = { dmy: -1, mdy: -1 };
  /** A copy of the previous header's date (the caller's object may be reused). */
  private previous: DateCopy | null = null;
  private previousAnyInvalid = false;
  /** Which orders the previous header's date was impossible in. */
  private readonly previousInvalid: Record<DateOrder, boolean> = {
    dmy: false,
    mdy: false,
    ymd: false,
  };

  /** Counts one header's date; the location is kept for the error that may follow. */
  add(h: DateFields, file: string, byteOffset: number, byteLength: number, line: number): void {
    if (isYearFirst(h)) {
      this.yearFirst += 1;
      return;
    }
    this.yearLast += 1;
    const prev = this.previous;
    // Consecutive headers usually share their date: same verdicts, no chronology step.
    if (prev !== null && sameDate(prev, h)) {
      if (this.previousAnyInvalid) {
        for (const o of ALL) if (this.previousInvalid[o]) this.invalid[o] += 1;
      }
      return;
    }
    this.remember(h);
    this.previousAnyInvalid = false;
    for (const o of ALL) {
      const date = readDate(h, o);
      this.previousInvalid[o] = date === null;
      if (date === null) this.previousAnyInvalid = true;
      if (date === null) {
        this.invalid[o] += 1;
        this.firstInvalid[o] ??= { file, byteOffset, byteLength, line };
      } else if (o !== 'ymd') {
        const day = dayNumber(date);
        if (day < this.lastDay[o]) this.backward[o] += 1;
        this.lastDay[o] = day;
        if (this.firstDay[o] < 0) this.firstDay[o] = day;
      }
    }
  }

  /**
   * Adds the evidence of the rest of the file (`tail`, counted from its own first line, which is
   * line `lineBase + 1` of the file), as if its headers had been added here in turn: counts add
   * up, the first impossible date stays the earliest, and the step from this part's last date to
   * the tail's first counts for the chronology.
   */
  merge(tail: DateOrderEvidence, lineBase: number): void {
    this.yearFirst += tail.yearFirst;
    this.yearLast += tail.yearLast;
    for (const o of ALL) {
      this.invalid[o] += tail.invalid[o];
      const where = tail.firstInvalid[o];
      if (this.firstInvalid[o] === null && where !== null) {
        this.firstInvalid[o] = { ...where, line: (where.line ?? 0) + lineBase };
      }
    }
    for (const o of AUTO) {
      this.backward[o] += tail.backward[o];
      const first = tail.firstDay[o];
      if (first < 0) continue;
      if (first < this.lastDay[o]) this.backward[o] += 1;
      this.lastDay[o] = tail.lastDay[o];
      if (this.firstDay[o] < 0) this.firstDay[o] = first;
    }
    if (tail.previous !== null) {
      this.remember(tail.previous);
      this.previousAnyInvalid = tail.previousAnyInvalid;
      for (const o of ALL) this.previousInvalid[o] = tail.previousInvalid[o];
    }
  }

  /** Evidence sent from another thread (a structured clone: fields without the class). */
  static revive(clone: DateOrderEvidence): DateOrderEvidence {
    return Object.assign(new DateOrderEvidence(), clone);
  }

  private remember(h: DateFields): void {
    const p = this.previous ?? newDateCopy();
    copyDate(p, h);
    this.previous = p;
  }

  decide(userOrder: DateOrder | null, file: string): OrderDecision {
    if (this.yearLast === 0) {
      return { order: this.yearFirst > 0 ? 'ymd' : null, fromChronology: false };
    }
    const clean = AUTO.filter((o) => this.invalid[o] === 0);
    if (userOrder !== null) {
      if (this.invalid[userOrder] === 0 || clean.length === 0) {
        return { order: userOrder, fromChronology: false };
      }
      throw new ChatscreenError(
        'invalid_option',
        `the dates in this file cannot be read in ${userOrder} order; they read as ${clean.join(' or ')}`,
        { location: this.firstInvalid[userOrder], option: '--date-order' },
      );
    }
    const [only] = clean;
    if (clean.length === 1 && only !== undefined) return { order: only, fromChronology: false };
    if (clean.length === 2) {
      const { dmy, mdy } = this.backward;
      if (dmy === 0 && mdy >= CHRONOLOGY_MARGIN) return { order: 'dmy', fromChronology: true };
      if (mdy === 0 && dmy >= CHRONOLOGY_MARGIN) return { order: 'mdy', fromChronology: true };
      throw ambiguous(file, 'every date in the file reads both as day/month and as month/day');
    }
    // No order reads every date: the one with fewer impossible dates, if there is one; the others
    // stay text of the message before them and are reported as header-like lines.
    if (this.invalid.dmy < this.invalid.mdy) return { order: 'dmy', fromChronology: false };
    if (this.invalid.mdy < this.invalid.dmy) return { order: 'mdy', fromChronology: false };
    throw ambiguous(file, 'the dates in the file fit neither day/month nor month/day order');
  }
}

function ambiguous(file: string, detail: string): ChatscreenError {
  return new ChatscreenError('ambiguous_date_order', detail, {
    location: { file, byteOffset: 0, byteLength: 0, line: null },
    option: '--date-order',
  });
}
