import { CORRECTION_TARGETS, LEXICON_WORDS } from '../lexicon/index.js';
import { leetLetter } from './chars.js';
import { SpellingCorrector } from './fuzzy.js';
import { segmentWord } from './segment.js';
import { type RawToken, TokenKind, tokenise } from './tokenise.js';

/**
 * Spelling normalisation before featurisation: leetspeak, asterisk masks, stretched letters,
 * spaced-out letters, one-letter slips, and words run together are all read back to the words
 * they disguise. Every token keeps exact offsets into the original text, so spans found on the
 * normalised reading land on the characters the user typed.
 */

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The normalised word. */
  form: string;
  sentence: number;
  clause: number;
  quoted: boolean;
  /** The form was recovered from a disguised spelling. */
  disguised: boolean;
}

export interface NormalisedText {
  tokens: Token[];
  questions: boolean[];
}

/** Frequency rank of each word of the training vocabulary (0 = most frequent), -1 if unknown. */
export class Vocabulary {
  private readonly ranks = new Map<string, number>();

  constructor(readonly words: readonly string[]) {
    words.forEach((word, rank) => {
      if (!this.ranks.has(word)) this.ranks.set(word, rank);
    });
  }

  rank(word: string): number {
    if (LEXICON_WORDS.has(word)) return 0;
    return this.ranks.get(word) ?? -1;
  }

  known(word: string): boolean {
    return LEXICON_WORDS.has(word) || this.ranks.has(word);
  }
}

const corrector = new SpellingCorrector(CORRECTION_TARGETS);

function isLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
  }
  return true;
}

function hasStretch(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Collapses runs of three or more equal letters to `keep` letters; `index` receives kept positions. */
function squash(s: string, keep: number, index: number[]): string {
  let out = '';
  index.length = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = i > 0 && s.charCodeAt(i) === s.charCodeAt(i - 1) ? run + 1 : 1;
    if (run <= keep || !isStretchedAt(s, i)) {
      out += s[i];
      index.push(i);
    }
  }
  return out;
}

function isStretchedAt(s: string, i: number): boolean {
  let a = i;
  let b = i;
  const c = s.charCodeAt(i);
  while (a > 0 && s.charCodeAt(a - 1) === c) a--;
  while (b + 1 < s.length && s.charCodeAt(b + 1) === c) b++;
  return b - a + 1 >= 3;
}

/** Reads digits and symbols as letters; `internal` tells whether one sits between two letters. */
function readLeet(s: string): { text: string; internal: boolean } {
  let out = '';
  let internal = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const letter = c >= 0x61 && c <= 0x7a ? c : leetLetter(c);
    if (letter === 0) continue;
    if (letter !== c && i > 0 && i + 1 < s.length) {
      const before = s.charCodeAt(i - 1);
      const after = s.charCodeAt(i + 1);
      if (
        before >= 0x61 &&
        before <= 0x7a &&
        ((after >= 0x61 && after <= 0x7a) || leetLetter(after) !== 0)
      )
        internal = true;
    }
    out += String.fromCharCode(letter);
  }
  return { text: out, internal };
}

export class Normaliser {
  private readonly index: number[] = [];

  constructor(readonly vocabulary: Vocabulary) {}

  normalise(text: string): NormalisedText {
    const { tokens: raw, questions } = tokenise(text);
    const merged = this.mergeSpaced(raw);
    const tokens: Token[] = [];
    for (const token of merged) this.normaliseToken(token, tokens);
    return { tokens, questions };
  }

  private known(word: string): boolean {
    return this.vocabulary.known(word);
  }

  /** "f u c k", "m.u.s.l.i.m.s", "mus lims": tight runs of fragments that join into known words. */
  private mergeSpaced(raw: RawToken[]): RawToken[] {
    const out: RawToken[] = [];
    let i = 0;
    while (i < raw.length) {
      const first = raw[i];
      if (first === undefined) break;
      if (first.kind === TokenKind.Word && first.folded.length === 1) {
        let j = i + 1;
        while (j < raw.length) {
          const t = raw[j];
          const fragment =
            t !== undefined &&
            t.kind === TokenKind.Word &&
            t.folded.length === 1 &&
            t.tight &&
            t.sentence === first.sentence;
          if (!fragment) break;
          j++;
        }
        if (j - i >= 3) {
          const joined = join(raw, i, j);
          const read = readLeet(joined.folded).text;
          if (this.known(read) || segmentWord(read, (w) => this.vocabulary.rank(w)) !== null) {
            out.push(joined);
            i = j;
            continue;
          }
        }
      }
      const second = raw[i + 1];
      if (
        second !== undefined &&
        first.kind === TokenKind.Word &&
        second.kind === TokenKind.Word &&
        second.tight &&
        first.plain &&
        second.plain &&
        (!this.known(first.folded) || !this.known(second.folded))
      ) {
        const combined = first.folded + second.folded;
        if (LEXICON_WORDS.has(combined)) {
          out.push(join(raw, i, i + 2));
          i += 2;
          continue;
        }
      }
      out.push(first);
      i++;
    }
    return out;
  }

  private normaliseToken(raw: RawToken, out: Token[]): void {
    if (raw.kind !== TokenKind.Word) {
      out.push(makeToken(raw, raw.start, raw.end, raw.folded, false));
      return;
    }
    let form = raw.folded;
    let disguised = false;
    if (!raw.plain) {
      if (form.includes('*')) {
        const unmasked = corrector.unmask(form);
        if (unmasked !== null) {
          out.push(makeToken(raw, raw.start, raw.end, unmasked, true));
          return;
        }
        form = form.replaceAll('*', '');
      }
      if (!this.known(form)) {
        const leet = readLeet(form);
        if (leet.internal || this.known(leet.text)) {
          disguised = leet.text !== form;
          form = leet.text;
        }
      }
      if (form.length === 0) return;
    }
    let positions: number[] | null = null;
    if (hasStretch(form) && !this.known(form)) {
      const two = squash(form, 2, this.index);
      if (this.known(two)) form = two;
      else {
        const one = squash(form, 1, this.index);
        form = this.known(one) ? one : squash(form, 2, this.index);
      }
      positions = [...this.index];
      disguised = true;
    }
    if (!this.known(form) && isLetters(form)) {
      const corrected = corrector.correct(form);
      if (corrected !== null) {
        out.push(makeToken(raw, raw.start, raw.end, corrected, true));
        return;
      }
      // Offsets of the pieces are exact only when each letter of the form is one folded letter.
      if (raw.plain) {
        const ends = segmentWord(form, (w) => this.vocabulary.rank(w));
        if (ends !== null) {
          splitInto(raw, form, ends, positions, out);
          return;
        }
      }
    }
    out.push(makeToken(raw, raw.start, raw.end, form, disguised));
  }
}

function makeToken(
  raw: RawToken,
  start: number,
  end: number,
  form: string,
  disguised: boolean,
): Token {
  return {
    kind: raw.kind,
    start,
    end,
    form,
    sentence: raw.sentence,
    clause: raw.clause,
    quoted: raw.quoted,
    disguised,
  };
}

/** Original offset of character `k` of a raw token's folded text. */
function originalIndex(raw: RawToken, k: number): number {
  return raw.map === null ? raw.start + k : (raw.map[k] ?? raw.end - 1);
}

function splitInto(
  raw: RawToken,
  form: string,
  ends: number[],
  positions: number[] | null,
  out: Token[],
): void {
  let from = 0;
  for (const end of ends) {
    const first = positions === null ? from : (positions[from] ?? from);
    const last = positions === null ? end - 1 : (positions[end - 1] ?? end - 1);
    const start = originalIndex(raw, first);
    const stop = originalIndex(raw, last) + 1;
    out.push(makeToken(raw, start, stop, form.slice(from, end), true));
    from = end;
  }
}

/** One raw token made of raw[i, j): their folded texts joined, offsets mapped char by char. */
function join(raw: RawToken[], i: number, j: number): RawToken {
  let folded = '';
  const map: number[] = [];
  for (let k = i; k < j; k++) {
    const t = raw[k];
    if (t === undefined) continue;
    folded += t.folded;
    for (let c = 0; c < t.folded.length; c++) map.push(originalIndex(t, c));
  }
  const first = raw[i] as RawToken;
  const last = raw[j - 1] as RawToken;
  let plain = true;
  for (let k = i; k < j; k++) plain = plain && (raw[k]?.plain ?? false);
  return { ...first, end: last.end, folded, map: Int32Array.from(map), plain };
}
