import type { Category } from './categories.js';

/** What a comparison needs of a flag: where it is, what it says, nothing of the text. */
export interface FlagKey {
  messageId: string;
  start: number;
  end: number;
  category: Category;
  score: number;
}

export interface FlagDiff {
  /** True when both runs flag exactly the same spans with bit-identical scores. */
  identical: boolean;
  unchanged: number;
  added: FlagKey[];
  removed: FlagKey[];
  /** Same span and category, different score. */
  changed: { base: FlagKey; other: FlagKey }[];
}

const keyOf = (f: FlagKey) => `${f.messageId}\u0000${f.start}\u0000${f.end}\u0000${f.category}`;

/** Compares two runs' flags span by span; scores must match bit for bit (Object.is). */
export function diffFlags(base: readonly FlagKey[], other: readonly FlagKey[]): FlagDiff {
  const before = new Map(base.map((f) => [keyOf(f), f]));
  const added: FlagKey[] = [];
  const changed: FlagDiff['changed'] = [];
  let unchanged = 0;
  for (const flag of other) {
    const key = keyOf(flag);
    const match = before.get(key);
    if (match === undefined) added.push(flag);
    else if (Object.is(match.score, flag.score)) unchanged += 1;
    else changed.push({ base: match, other: flag });
    before.delete(key);
  }
  const removed = [...before.values()];
  return {
    identical: added.length === 0 && removed.length === 0 && changed.length === 0,
    unchanged,
    added,
    removed,
    changed,
  };
}
