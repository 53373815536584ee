/**
 * Decimal digits of the scripts WhatsApp writes dates in: ASCII, Arabic-Indic, Persian, the Indic
 * scripts, Thai, Lao, Tibetan, Myanmar, Khmer and full-width. Each block is ten consecutive code
 * points starting at its zero.
 */
const ZEROS = [
  0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0,
  0xf20, 0x1040, 0x17e0, 0xff10,
];

const hex = (code: number): string => code.toString(16).padStart(4, '0');

/** The digits as the inside of a regular-expression character class. */
export const DIGIT_CLASS = ZEROS.map((z) => `\\u${hex(z)}-\\u${hex(z + 9)}`).join('');

export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  for (const zero of ZEROS) {
    if (code >= zero && code <= zero + 9) return code - zero;
  }
  return -1;
}

/** The value of a run of digits in any of the scripts above; NaN if anything else is in it. */
export function parseDigits(s: string): number {
  let value = 0;
  for (let i = 0; i < s.length; i += 1) {
    const d = digitValue(s.charCodeAt(i));
    if (d < 0) return Number.NaN;
    value = value * 10 + d;
  }
  return s.length === 0 ? Number.NaN : value;
}
