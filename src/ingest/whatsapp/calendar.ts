/**
 * Years as WhatsApp writes them: two digits (20xx: WhatsApp exists since 2009), four digits,
 * the Thai Buddhist era (2565 = 2022, written "2565 BE" or plain) and the Japanese eras
 * ("R4", "令和4", or an era letter after an en-locale date).
 */
const JAPANESE_ERA_START: ReadonlyMap<string, number> = new Map([
  ['R', 2019],
  ['令和', 2019],
  ['H', 1989],
  ['平成', 1989],
  ['S', 1926],
  ['昭和', 1926],
  ['T', 1912],
  ['大正', 1912],
  ['M', 1868],
  ['明治', 1868],
]);

export const BUDDHIST_ERA_OFFSET = 543;
/** A four-digit year at or past this is read as Buddhist era even without a marker. */
export const BUDDHIST_YEAR_FLOOR = 2300;

export function isJapaneseEra(token: string): boolean {
  return JAPANESE_ERA_START.has(token);
}

export interface YearReading {
  year: number;
  /** The year was read as Buddhist era from its size alone (no "BE" marker): worth a warning. */
  assumedBuddhist: boolean;
}

/** Gregorian year from the written value; null when it cannot be a year. */
export function gregorianYear(
  value: number,
  digits: number,
  japaneseEra: string | null,
  buddhistMarker: boolean,
): YearReading | null {
  if (japaneseEra !== null) {
    const start = JAPANESE_ERA_START.get(japaneseEra);
    if (start === undefined || value < 1 || value > 99) return null;
    return { year: start + value - 1, assumedBuddhist: false };
  }
  if (buddhistMarker) {
    return digits === 4 ? { year: value - BUDDHIST_ERA_OFFSET, assumedBuddhist: false } : null;
  }
  if (digits <= 2) return { year: 2000 + value, assumedBuddhist: false };
  if (digits !== 4 || value < 1900) return null;
  if (value >= BUDDHIST_YEAR_FLOOR)
    return { year: value - BUDDHIST_ERA_OFFSET, assumedBuddhist: true };
  return { year: value, assumedBuddhist: false };
}
