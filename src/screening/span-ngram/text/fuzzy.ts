/**
 * Corrects disguised spellings of a closed list of words: one swapped, dropped, added or changed
 * letter ("mulsims", "fagot", "retrded"), and asterisk masks ("f**k", "n*****s"). Lookups go
 * through a symmetric-deletion index, so a query costs one map lookup per letter of the query.
 */
export class SpellingCorrector {
  private readonly deletions = new Map<string, number[]>();

  constructor(private readonly targets: readonly string[]) {
    targets.forEach((target, id) => {
      this.add(target, id);
      for (let i = 0; i < target.length; i++)
        this.add(target.slice(0, i) + target.slice(i + 1), id);
    });
  }

  private add(key: string, id: number): void {
    const list = this.deletions.get(key);
    if (list === undefined) this.deletions.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  /**
   * The target one edit away from `word`, or null. Words shorter than 4 letters are left alone,
   * and a 4-letter word is read as another 4-letter word only through a swap of two neighbouring
   * letters ("fcuk", "jwes"): one changed letter turns too many ordinary words into slurs
   * (shut/slut). A dropped letter is restored ("womn", "trns").
   */
  correct(word: string): string | null {
    if (word.length < 4) return null;
    let best = -1;
    const consider = (key: string): void => {
      const ids = this.deletions.get(key);
      if (ids === undefined) return;
      for (const id of ids) {
        if (best !== -1 && id >= best) continue;
        const target = this.targets[id];
        if (target === undefined || target.length < 4) continue;
        // Disguises keep the first letter; ordinary words one letter off a slur mostly do not
        // (thinks/chinks, news/jews).
        if (target.charCodeAt(0) !== word.charCodeAt(0)) continue;
        const sameShortLength = word.length === target.length && word.length <= 4;
        if (sameShortLength ? isSwap(word, target) : withinOneEdit(word, target)) best = id;
      }
    };
    consider(word);
    for (let i = 0; i < word.length; i++) consider(word.slice(0, i) + word.slice(i + 1));
    return best === -1 ? null : (this.targets[best] ?? null);
  }

  /** The first target an asterisk-masked word can stand for ("f***ing" -> "fucking"). */
  unmask(masked: string): string | null {
    let fallback: string | null = null;
    for (const target of this.targets) {
      const fit = maskFits(masked, 0, target, 0);
      if (fit === 2) return target;
      if (fit === 1 && fallback === null) fallback = target;
    }
    return fallback;
  }
}

/** The two words differ only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return (
    i + 1 < a.length &&
    a.charCodeAt(i) === b.charCodeAt(i + 1) &&
    a.charCodeAt(i + 1) === b.charCodeAt(i) &&
    a.slice(i + 2) === b.slice(i + 2)
  );
}

/** Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return (
      i + 1 < la &&
      a.charCodeAt(i) === b.charCodeAt(i + 1) &&
      a.charCodeAt(i + 1) === b.charCodeAt(i) &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * 2: the mask fits with each run of asterisks standing for as many letters; 1: fits with runs
 * standing for one to three letters more or fewer; 0: does not fit. The first character must be
 * a letter so that a lone "***" never matches.
 */
function maskFits(mask: string, mi: number, word: string, wi: number): 0 | 1 | 2 {
  if (mi === 0 && (mask.charCodeAt(0) === 0x2a || mask.charCodeAt(0) !== word.charCodeAt(0)))
    return 0;
  if (mi === mask.length) return wi === word.length ? 2 : 0;
  if (mask.charCodeAt(mi) !== 0x2a) {
    return wi < word.length && mask.charCodeAt(mi) === word.charCodeAt(wi)
      ? maskFits(mask, mi + 1, word, wi + 1)
      : 0;
  }
  let run = 0;
  while (mi + run < mask.length && mask.charCodeAt(mi + run) === 0x2a) run++;
  let best: 0 | 1 | 2 = 0;
  for (let take = 1; take <= run + 3 && wi + take <= word.length; take++) {
    const rest = maskFits(mask, mi + run, word, wi + take);
    if (rest === 0) continue;
    const exact = take === run && rest === 2 ? 2 : 1;
    if (exact > best) best = exact;
    if (best === 2) break;
  }
  return best;
}
