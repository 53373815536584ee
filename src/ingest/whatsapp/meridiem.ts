/**
 * Localised AM/PM markers, keyed by their normalised form (lower case, without dots and spaces of
 * any kind), so "a. m.", "a.m.", "a.\u00A0m." and "AM" all read as `am`. A token that is not here
 * makes the header unreadable rather than guessed (the line is then reported as header-like).
 */
export type Meridiem = 'am' | 'pm';

const TABLE: ReadonlyMap<string, Meridiem> = new Map<string, Meridiem>([
  // Latin-script locales
  ['am', 'am'],
  ['pm', 'pm'],
  ['vorm', 'am'], // de (older)
  ['nachm', 'pm'],
  ['vm', 'am'], // af, nl (older)
  ['nm', 'pm'],
  ['fm', 'am'], // sv, nb, da
  ['em', 'pm'],
  ['ap', 'am'], // fi
  ['ip', 'pm'],
  ['de', 'am'], // hu
  ['du', 'pm'],
  ['dop', 'am'], // cs
  ['odp', 'pm'],
  ['sa', 'am'], // vi
  ['ch', 'pm'],
  ['öö', 'am'], // tr
  ['ös', 'pm'],
  ['pg', 'am'], // ms
  ['ptg', 'pm'],
  ['πμ', 'am'], // el
  ['μμ', 'pm'],
  ['дп', 'am'], // uk, ru, bg
  ['пп', 'pm'],
  // Arabic and Persian
  ['ص', 'am'],
  ['م', 'pm'],
  ['قظ', 'am'],
  ['بظ', 'pm'],
  // CJK
  ['午前', 'am'],
  ['午後', 'pm'],
  ['上午', 'am'],
  ['下午', 'pm'],
  ['오전', 'am'],
  ['오후', 'pm'],
  // Indic
  ['पूर्वाह्न', 'am'],
  ['अपराह्न', 'pm'],
]);

/** Dots and every kind of space (`\s` covers U+00A0, U+202F and U+2009). */
const IGNORED = /[.\s]/gu;

export function meridiemOf(token: string): Meridiem | null {
  return TABLE.get(token.replace(IGNORED, '').toLowerCase()) ?? null;
}

/** 24-hour value of an hour written with a marker; null when impossible (hour 0 PM, 24...). */
export function to24Hour(hour: number, meridiem: Meridiem | null): number | null {
  if (meridiem === null) return hour <= 23 ? hour : null;
  // Some exports write 24-hour values with a marker ("00:08 a. m.", "13:05 PM"); they are unambiguous.
  if (hour === 0) return meridiem === 'am' ? 0 : null;
  if (hour > 12) return hour <= 23 ? hour : null;
  if (hour === 12) return meridiem === 'am' ? 0 : 12;
  return meridiem === 'am' ? hour : hour + 12;
}
