import { CharClass, charClass, foldLetter } from './chars.js';

/**
 * Splits a message into word-like tokens with exact UTF-16 offsets into the original text, and
 * records the punctuation structure around them (sentences, clauses, quotation marks) that the
 * scope rules need. One pass, no regular expressions, no backtracking.
 */

export enum TokenKind {
  Word = 0,
  Number = 1,
  Emoji = 2,
  Mention = 3,
  Url = 4,
}

export interface RawToken {
  kind: TokenKind;
  /** Original offsets (UTF-16, end exclusive). */
  start: number;
  end: number;
  /**
   * Lower-cased, accent- and confusable-folded characters with joiners (apostrophes, hyphens,
   * zero-width and combining characters) removed; digits and symbols kept (`sh!t`, `f**k`).
   */
  folded: string;
  /** Original index of each character of `folded`; null when it is `start + i`. */
  map: Int32Array | null;
  sentence: number;
  clause: number;
  /** Inside quotation marks. */
  quoted: boolean;
  /** Letters only, no digits or symbols: the fast path of normalisation. */
  plain: boolean;
  /** Separated from the previous token by nothing but a single space or one . - _ character. */
  tight: boolean;
}

export interface TokenisedText {
  tokens: RawToken[];
  /** Per sentence id: whether it ends with a question mark. */
  questions: boolean[];
}

const SCRATCH_CODES: number[] = [];
const SCRATCH_INDEX: number[] = [];

function isWordClass(c: CharClass): boolean {
  return c === CharClass.Letter || c === CharClass.Digit;
}

function isEmojiBmp(code: number): boolean {
  return (code >= 0x2600 && code <= 0x27bf) || (code >= 0x2b00 && code <= 0x2bff);
}

class Scanner {
  readonly tokens: RawToken[] = [];
  readonly questions: boolean[] = [false];
  sentence = 0;
  clause = 0;
  private doubleOpen = false;
  private curlyDepth = 0;
  private singleOpen = false;
  private lastEnd = -1;
  private pendingSentence = false;

  constructor(readonly text: string) {}

  private breakSentence(question: boolean): void {
    if (question) this.questions[this.sentence] = true;
    this.pendingSentence = true;
  }

  private beginToken(): void {
    if (this.pendingSentence) {
      this.pendingSentence = false;
      if (this.tokens.length > 0) {
        this.sentence++;
        this.clause++;
        this.questions.push(false);
      }
    }
  }

  get quoted(): boolean {
    return this.doubleOpen || this.curlyDepth > 0 || this.singleOpen;
  }

  private tightBefore(start: number): boolean {
    if (this.lastEnd < 0) return false;
    const gap = start - this.lastEnd;
    if (gap !== 1) return gap === 0;
    const code = this.text.charCodeAt(this.lastEnd);
    return code === 0x20 || code === 0x2e || code === 0x2d || code === 0x5f;
  }

  push(
    kind: TokenKind,
    start: number,
    end: number,
    folded: string,
    map: Int32Array | null,
    plain: boolean,
  ): void {
    this.beginToken();
    this.tokens.push({
      kind,
      start,
      end,
      folded,
      map,
      sentence: this.sentence,
      clause: this.clause,
      quoted: this.quoted,
      plain,
      tight: this.tightBefore(start),
    });
    this.lastEnd = end;
  }

  scan(): void {
    const text = this.text;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const code = text.charCodeAt(i);
      const cls = charClass(code);
      switch (cls) {
        case CharClass.Letter:
        case CharClass.Digit:
          i = this.word(i);
          break;
        case CharClass.Symbol:
          i = this.symbol(i, code);
          break;
        case CharClass.Newline:
          this.breakSentence(false);
          i++;
          break;
        case CharClass.SentenceEnd:
          i = this.sentenceEnd(i, code);
          break;
        case CharClass.ClauseBreak:
          if (!this.pendingSentence) this.clause++;
          i++;
          break;
        case CharClass.Quote:
          this.quote(code);
          i++;
          break;
        case CharClass.Joiner:
          this.apostrophe(i, code);
          i++;
          break;
        case CharClass.HighSurrogate:
          i = this.emoji(i);
          break;
        default:
          if (isEmojiBmp(code)) i = this.emoji(i);
          else i++;
      }
    }
  }

  private apostrophe(i: number, code: number): void {
    if (code !== 0x27 && code !== 0x2019) return;
    const prev = i > 0 ? charClass(this.text.charCodeAt(i - 1)) : CharClass.Space;
    const next =
      i + 1 < this.text.length ? charClass(this.text.charCodeAt(i + 1)) : CharClass.Space;
    if (!isWordClass(prev) && (isWordClass(next) || next === CharClass.Symbol)) {
      this.singleOpen = this.singleOpen || hasClosingSingle(this.text, i + 1);
    } else if (this.singleOpen && !isWordClass(next)) this.singleOpen = false;
  }

  private quote(code: number): void {
    if (code === 0x201c || code === 0xab || code === 0x201e || code === 0x2018) this.curlyDepth++;
    else if (code === 0x201d || code === 0xbb) this.curlyDepth = Math.max(0, this.curlyDepth - 1);
    else this.doubleOpen = !this.doubleOpen;
  }

  private sentenceEnd(i: number, code: number): number {
    const text = this.text;
    // A dot between two word characters ("f.u.c.k", "e.g.") separates letters, not sentences.
    if (code === 0x2e && i > 0 && i + 1 < text.length) {
      const prev = charClass(text.charCodeAt(i - 1));
      const next = charClass(text.charCodeAt(i + 1));
      if (isWordClass(prev) && isWordClass(next)) return i + 1;
    }
    this.breakSentence(code === 0x3f);
    return i + 1;
  }

  private symbol(i: number, code: number): number {
    const text = this.text;
    const next = i + 1 < text.length ? charClass(text.charCodeAt(i + 1)) : CharClass.Space;
    if (code === 0x40 && next === CharClass.Letter) {
      let j = i + 1;
      while (j < text.length && isWordClass(charClass(text.charCodeAt(j)))) j++;
      this.push(TokenKind.Mention, i, j, '<user>', null, false);
      return j;
    }
    if (next === CharClass.Letter || (code === 0x24 && next === CharClass.Digit))
      return this.word(i);
    return i + 1;
  }

  private emoji(i: number): number {
    const text = this.text;
    const n = text.length;
    const first = text.charCodeAt(i);
    let j = i + 1;
    if (first >= 0xd800 && first <= 0xdbff && j < n) j++;
    const base = text.slice(i, j);
    // Variation selectors, skin tones, and ZWJ sequences belong to the same emoji.
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 0xfe0f || c === 0xfe0e) j++;
      else if (c === 0xd83c && j + 1 < n) {
        const low = text.charCodeAt(j + 1);
        if (low >= 0xdffb && low <= 0xdfff) j += 2;
        else break;
      } else if (c === 0x200d && j + 1 < n) {
        const after = text.charCodeAt(j + 1);
        j += after >= 0xd800 && after <= 0xdbff ? 3 : 2;
      } else break;
    }
    if (base.length === 1 && !isEmojiBmp(first)) return j;
    this.push(TokenKind.Emoji, i, Math.min(j, n), base, null, false);
    return j;
  }

  private url(i: number): number {
    let j = i;
    const text = this.text;
    while (j < text.length) {
      const c = charClass(text.charCodeAt(j));
      if (c === CharClass.Space || c === CharClass.Newline) break;
      j++;
    }
    this.push(TokenKind.Url, i, j, '<url>', null, false);
    return j;
  }

  private word(i: number): number {
    const text = this.text;
    const n = text.length;
    if (startsUrl(text, i)) return this.url(i);
    let j = i;
    while (j < n) {
      const code = text.charCodeAt(j);
      const c = charClass(code);
      if (c === CharClass.Letter || c === CharClass.Digit || c === CharClass.Symbol) {
        j++;
        continue;
      }
      if (c === CharClass.Joiner || (code === 0x21 && j > i)) {
        // Inside a word only when a word character follows (don't, anti-semitic, sh!t).
        let k = j + 1;
        while (k < n && charClass(text.charCodeAt(k)) === CharClass.Joiner) k++;
        const after = k < n ? charClass(text.charCodeAt(k)) : CharClass.Space;
        if (
          after === CharClass.Letter ||
          after === CharClass.Digit ||
          (code !== 0x21 && after === CharClass.Symbol)
        ) {
          j = k;
          continue;
        }
        // Combining marks right after a letter still belong to it.
        if (c === CharClass.Joiner && code !== 0x27 && code !== 0x2019 && code !== 0x2d) {
          j = k;
          continue;
        }
      }
      break;
    }
    return this.emitWord(i, j);
  }

  private emitWord(i: number, j: number): number {
    const text = this.text;
    let start = i;
    let end = j;
    // Trailing symbols are punctuation ("idiot!!", "wow$"), except asterisks masking letters.
    while (end > start) {
      const code = text.charCodeAt(end - 1);
      const c = charClass(code);
      if (c === CharClass.Symbol && code !== 0x2a) end--;
      else if (
        c === CharClass.Joiner &&
        (code === 0x27 || code === 0x2019 || code === 0x2d || isFormatMark(code))
      )
        end--;
      else break;
    }
    while (start < end) {
      const code = text.charCodeAt(start);
      if (code === 0x2a || code === 0x7c || code === 0x40) start++;
      else break;
    }
    if (start >= end) return j;
    SCRATCH_CODES.length = 0;
    SCRATCH_INDEX.length = 0;
    let letters = 0;
    let digits = 0;
    let symbols = 0;
    let identity = true;
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      const c = charClass(code);
      if (c === CharClass.Joiner) {
        identity = false;
        continue;
      }
      if (c === CharClass.Letter) {
        letters++;
        const folded = foldLetter(code);
        if (folded !== code) identity = identity && code >= 0x41 && code <= 0x5a;
        SCRATCH_CODES.push(folded);
      } else {
        if (c === CharClass.Digit) digits++;
        else symbols++;
        SCRATCH_CODES.push(code);
      }
      SCRATCH_INDEX.push(k);
    }
    if (letters === 0 && digits === 0) return j;
    const folded = String.fromCharCode(...SCRATCH_CODES);
    // Corpora write placeholders as <user>, [USER], [URL]: read them as what they stand for.
    if (
      (folded === 'user' || folded === 'url') &&
      start > 0 &&
      isPlaceholderOpen(text.charCodeAt(start - 1))
    ) {
      this.push(
        folded === 'user' ? TokenKind.Mention : TokenKind.Url,
        start,
        end,
        `<${folded}>`,
        null,
        false,
      );
      return end < text.length && isPlaceholderClose(text.charCodeAt(end)) ? end + 1 : j;
    }
    const map =
      identity && SCRATCH_CODES.length === end - start ? null : Int32Array.from(SCRATCH_INDEX);
    const kind = letters === 0 && symbols <= 1 ? TokenKind.Number : TokenKind.Word;
    this.push(
      kind,
      start,
      end,
      kind === TokenKind.Number ? '<num>' : folded,
      map,
      digits === 0 && symbols === 0,
    );
    return j;
  }
}

/** A single quote opens a quotation only if one later closes it (after a word, before a non-word). */
function hasClosingSingle(text: string, from: number): boolean {
  for (let k = from + 1; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code === 0x0a) return false;
    if ((code === 0x27 || code === 0x2019) && isWordClass(charClass(text.charCodeAt(k - 1)))) {
      const next = k + 1 < text.length ? charClass(text.charCodeAt(k + 1)) : CharClass.Space;
      if (!isWordClass(next)) return true;
    }
  }
  return false;
}

/** Direction marks, zero-width and other invisible format characters: never part of a word's edge. */
function isFormatMark(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    code === 0xad
  );
}

function isPlaceholderOpen(code: number): boolean {
  return code === 0x3c || code === 0x5b;
}

function isPlaceholderClose(code: number): boolean {
  return code === 0x3e || code === 0x5d;
}

function startsUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68) return text.startsWith('http://', i) || text.startsWith('https://', i);
  if (c === 0x77) return text.startsWith('www.', i);
  return false;
}

export function tokenise(text: string): TokenisedText {
  const scanner = new Scanner(text);
  scanner.scan();
  return { tokens: scanner.tokens, questions: scanner.questions };
}
