import { trimMarksAndSpaces } from './marks.js';

/**
 * Splitting "Name: text". The name ends at the first ": " unless the whole file says otherwise:
 * a contact saved as "Work: Bob" writes every line as "Work: Bob: text", so when every line whose
 * name would be "Work" also continues with "Bob: ", the longer name is taken (and reported).
 * The evidence is gathered in the first pass (NameBook) and used in the second.
 */

const SEPARATOR = ': ';
/** Names are short (WhatsApp caps its own at 25 characters); a longer prefix is not a name. */
export const MAX_NAME_LENGTH = 128;
const MAX_SEPARATORS = 4;
/** Distinct shortest names remembered (bounded memory); past this, names end at the first ": ". */
const MAX_TRACKED = 50_000;

/** Phrases of Android system lines that can contain ": " in a quoted group name or subject. */
const SYSTEM_PHRASES = [
  ' changed the subject',
  ' changed the group name',
  ' changed this group',
  ' created group',
  ' changed the group description',
];

/** Indexes of the ": " separators that could end a name, in order. */
export function separatorsOf(rest: string): number[] {
  const out: number[] = [];
  let at = rest.indexOf(SEPARATOR);
  while (at !== -1 && at <= MAX_NAME_LENGTH && out.length < MAX_SEPARATORS) {
    out.push(at);
    at = rest.indexOf(SEPARATOR, at + SEPARATOR.length);
  }
  return out;
}

/**
 * What the first pass learnt about one shortest name (the text before a header's first ": "):
 * how many headers have it, and the longer prefixes ("Work: Bob") that every one of them has.
 */
export interface ShortName {
  support: number;
  /**
   * The prefixes ending at the 2nd, 3rd... separator that all of this name's headers share so
   * far (nested, shortest first; `chainLength` of them count). Set by the first header, only
   * ever shortened: a longer name must be on every line, so nothing else needs counting.
   */
  chain: string[];
  chainLength: number;
  /** The chain's bytes, when the first header was read from bytes (scan.ts compares them). */
  chainBytes: Buffer[] | null;
}

export class NameBook {
  private readonly byShortest = new Map<string, ShortName>();
  /** A name went uncounted because the book was full (a merge would then not be exact). */
  private overflowed = false;

  /**
   * Adds what the first pass found in the rest of the file (`tail`), as if its headers had been
   * added here in turn: supports add up and each chain keeps what both parts share. False, with
   * nothing changed, when the bound on names could make that differ from one pass over the whole
   * file (the caller then reads the rest here).
   */
  merge(tail: NameBook): boolean {
    if (this.overflowed || tail.overflowed) return false;
    let added = 0;
    for (const name of tail.byShortest.keys()) if (!this.byShortest.has(name)) added += 1;
    if (this.byShortest.size + added > MAX_TRACKED) return false;
    for (const [name, record] of tail.byShortest) {
      const chain = record.chainLength < 0 ? null : record.chain.slice(0, record.chainLength);
      const known = this.byShortest.get(name);
      if (known === undefined) {
        this.byShortest.set(name, {
          support: record.support,
          chain: chain ?? [],
          chainLength: record.chainLength,
          chainBytes: null,
        });
        continue;
      }
      known.support += record.support;
      if (chain !== null) this.sharePrefixes(known, chain);
    }
    return true;
  }

  /** A book sent from another thread (a structured clone: fields without the class). */
  static revive(clone: NameBook): NameBook {
    return Object.assign(new NameBook(), clone);
  }

  /** First pass: one header's rest and its separators. */
  add(rest: string, separators: readonly number[]): void {
    const s1 = separators[0];
    if (s1 === undefined) return;
    const name = this.shortName(rest.slice(0, s1));
    if (name === null) return;
    name.support += 1;
    const prefixes: string[] = [];
    for (let k = 1; k < separators.length; k += 1) prefixes.push(rest.slice(0, separators[k]));
    this.sharePrefixes(name, prefixes);
  }

  /**
   * The first pass's record of a shortest name, created on first sight; null past the bound
   * (such names are read as ending at their first ": ").
   */
  shortName(name: string): ShortName | null {
    const known = this.byShortest.get(name);
    if (known !== undefined) return known;
    if (this.byShortest.size >= MAX_TRACKED) {
      this.overflowed = true;
      return null;
    }
    const fresh: ShortName = { support: 0, chain: [], chainLength: -1, chainBytes: null };
    this.byShortest.set(name, fresh);
    return fresh;
  }

  /** Keeps of `name`'s chain only what this header's longer prefixes also have. */
  sharePrefixes(name: ShortName, prefixes: readonly string[]): void {
    if (name.chainLength < 0) {
      name.chain = [...prefixes];
      name.chainLength = prefixes.length;
      return;
    }
    let k = 0;
    while (k < name.chainLength && name.chain[k] === prefixes[k]) k += 1;
    name.chainLength = k;
  }

  /**
   * Per shortest name, what the second pass decided: `false` (a system phrase, no sender), `null`
   * (the name ends at the first ": ") or the longer name. The decision holds for every line with
   * that shortest name: a longer name is taken only when all of them continue the same way.
   */
  private readonly decided = new Map<string, string | null | false>();

  /**
   * Second pass: where the name ends (index of its ": "), or -1 when the rest has no sender.
   * It ends past the first separator only for a name that contains ": ".
   */
  nameEnd(rest: string, separators: readonly number[]): number {
    const s1 = separators[0];
    if (s1 === undefined || s1 === 0) return -1;
    const decision = this.decisionFor(rest, separators);
    if (decision === false) return -1;
    if (decision === null) return s1;
    // Every line with this short name starts with the longer one (that is how it was decided).
    return rest.startsWith(decision) && rest.startsWith(SEPARATOR, decision.length)
      ? decision.length
      : s1;
  }

  /**
   * What was decided for the lines whose shortest name is `rest`'s (the text before its first
   * separator, which must not be empty): see `decided`. The same for every such line.
   */
  decisionFor(rest: string, separators: readonly number[]): string | null | false {
    const short = rest.slice(0, separators[0] ?? 0);
    let decision = this.decided.get(short);
    if (decision === undefined) {
      decision = this.decide(rest, short, separators);
      if (this.decided.size < MAX_TRACKED) this.decided.set(short, decision);
    }
    return decision;
  }

  private decide(
    rest: string,
    short: string,
    separators: readonly number[],
  ): string | null | false {
    if (SYSTEM_PHRASES.some((p) => short.includes(p))) return false;
    const name = this.byShortest.get(short);
    let end = separators[0] ?? 0;
    if (name !== undefined && name.support >= 2) {
      for (let k = 1; k < separators.length && k <= name.chainLength; k += 1) {
        const sk = separators[k] ?? -1;
        if (name.chain[k - 1] !== rest.slice(0, sk)) break;
        end = sk;
      }
    }
    return end === separators[0] ? null : rest.slice(0, end);
  }
}

/**
 * The display name as exported, without the layout around it: marks (iOS wraps phone numbers in
 * U+202A...U+202C) and the "~ " WhatsApp puts before a name that is not in the address book.
 */
export function cleanName(raw: string): string {
  let name = trimMarksAndSpaces(raw);
  if (name.startsWith('~') && name.length > 1) {
    const after = name.charCodeAt(1);
    if (after === 0x20 || after === 0xa0 || after === 0x202f)
      name = trimMarksAndSpaces(name.slice(2));
  }
  return name;
}
