/**
 * Character classes for the tokeniser, one byte per UTF-16 code unit, computed once per code
 * unit and cached: the tokeniser's inner loop is a table lookup, never a regular expression.
 */
export enum CharClass {
  Unknown = 0,
  Letter = 1,
  Digit = 2,
  /** Characters that obfuscate a word when inside it: * @ $ ! | */
  Symbol = 3,
  /** Kept inside a word and deleted from its normal form: apostrophes, hyphens, zero-width and
   * format characters, combining marks, variation selectors. */
  Joiner = 4,
  Space = 5,
  Newline = 6,
  /** . ! ? … */
  SentenceEnd = 7,
  /** , ; : ( ) [ ] — – / */
  ClauseBreak = 8,
  Quote = 9,
  HighSurrogate = 10,
  LowSurrogate = 11,
  Other = 12,
}

const table = new Uint8Array(0x10000);
const LETTER = /^[\p{L}]$/u;
const MARK = /^[\p{M}]$/u;
const SPACE = /^\s$/u;
const FORMAT = /^[\p{Cf}]$/u;

function compute(code: number): CharClass {
  if (code >= 0xd800 && code <= 0xdbff) return CharClass.HighSurrogate;
  if (code >= 0xdc00 && code <= 0xdfff) return CharClass.LowSurrogate;
  if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029)
    return CharClass.Newline;
  if (code >= 0x30 && code <= 0x39) return CharClass.Digit;
  switch (code) {
    case 0x2a /* * */:
    case 0x40 /* @ */:
    case 0x24 /* $ */:
    case 0x7c /* | */:
      return CharClass.Symbol;
    case 0x21 /* ! */:
    case 0x2e /* . */:
    case 0x3f /* ? */:
    case 0x2026 /* … */:
      return CharClass.SentenceEnd;
    case 0x27 /* ' */:
    case 0x2019 /* ’ */:
    case 0x2d /* - */:
    case 0xad /* soft hyphen */:
      return CharClass.Joiner;
    case 0x22 /* " */:
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x2018:
    case 0xab:
    case 0xbb:
    case 0x60 /* ` */:
      return CharClass.Quote;
    case 0x2c:
    case 0x3b:
    case 0x3a:
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x7b:
    case 0x7d:
    case 0x2014:
    case 0x2013:
    case 0x2f:
      return CharClass.ClauseBreak;
    default:
      break;
  }
  const ch = String.fromCharCode(code);
  if (LETTER.test(ch)) return CharClass.Letter;
  if (MARK.test(ch) || (code >= 0xfe00 && code <= 0xfe0f)) return CharClass.Joiner;
  if (FORMAT.test(ch)) return CharClass.Joiner;
  if (SPACE.test(ch)) return CharClass.Space;
  return CharClass.Other;
}

export function charClass(code: number): CharClass {
  let c = table[code] ?? CharClass.Other;
  if (c === CharClass.Unknown) {
    c = compute(code);
    table[code] = c;
  }
  return c;
}

const folded = new Uint16Array(0x10000);
const foldedDone = new Uint8Array(0x10000);

/** Cyrillic and Greek letters that look like Latin ones, used to disguise words. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ѕ: 's',
  ј: 'j',
  ԁ: 'd',
  ɡ: 'g',
  ı: 'i',
  к: 'k',
  м: 'm',
  т: 't',
  н: 'h',
  в: 'b',
  ο: 'o',
  α: 'a',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  τ: 't',
  ρ: 'p',
  ε: 'e',
  υ: 'u',
};

function computeFold(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code < 0x80) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  const confusable = CONFUSABLES[lower];
  if (confusable !== undefined) return confusable.charCodeAt(0);
  // Accents and compatibility forms (full-width, ligature-free letters): é -> e, ａ -> a.
  const base = lower.normalize('NFKD').charCodeAt(0);
  if (base >= 0x61 && base <= 0x7a) return base;
  if (base >= 0x41 && base <= 0x5a) return base + 32;
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/** Lower-cases a letter and folds accents, confusables and full-width forms onto ASCII. */
export function foldLetter(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code;
  if (foldedDone[code] === 0) {
    folded[code] = computeFold(code);
    foldedDone[code] = 1;
  }
  return folded[code] ?? code;
}

/** Digits and symbols read as letters inside a word (leetspeak). 0 = no reading. */
export function leetLetter(code: number): number {
  switch (code) {
    case 0x30:
      return 0x6f; // 0 -> o
    case 0x31:
      return 0x69; // 1 -> i
    case 0x33:
      return 0x65; // 3 -> e
    case 0x34:
      return 0x61; // 4 -> a
    case 0x35:
      return 0x73; // 5 -> s
    case 0x37:
      return 0x74; // 7 -> t
    case 0x38:
      return 0x62; // 8 -> b
    case 0x40:
      return 0x61; // @ -> a
    case 0x24:
      return 0x73; // $ -> s
    case 0x21:
      return 0x69; // ! -> i
    case 0x7c:
      return 0x69; // | -> i
    default:
      return 0;
  }
}
