import { IDENTITY_CATEGORIES, type IdentityCategory } from '../../../domain/index.js';
import { IDENTITY_TERMS } from './identity-terms.js';
import * as words from './words.js';

export interface IdentityEntry {
  form: string;
  category: IdentityCategory;
  /** Index of the category in IDENTITY_CATEGORIES. */
  categoryIndex: number;
  slur: boolean;
  person: boolean;
  innocent: ReadonlySet<string> | null;
  next: ReadonlySet<string> | null;
}

function buildIdentity(): Map<string, IdentityEntry> {
  const map = new Map<string, IdentityEntry>();
  for (const spec of IDENTITY_TERMS) {
    for (const form of spec.forms) {
      if (map.has(form)) throw new Error(`identity lexicon lists "${form}" twice`);
      map.set(form, {
        form,
        category: spec.category,
        categoryIndex: IDENTITY_CATEGORIES.indexOf(spec.category),
        slur: spec.slur ?? false,
        person: spec.person ?? false,
        innocent: spec.innocent ? new Set(spec.innocent) : null,
        next: spec.next ? new Set(spec.next) : null,
      });
    }
  }
  return map;
}

export const IDENTITY = buildIdentity();

const set = (list: readonly string[]): ReadonlySet<string> => new Set(list);
export const NEGATORS = set(words.NEGATORS);
export const SCOPE_BREAKERS = set(words.SCOPE_BREAKERS);
export const REPORTING_VERBS = set(words.REPORTING_VERBS);
export const BELIEF_VERBS = set(words.BELIEF_VERBS);
export const OTHER_SUBJECTS = set(words.OTHER_SUBJECTS);
export const COUNTER_CUES = set(words.COUNTER_CUES);
export const PLURAL_PRONOUNS = set(words.PLURAL_PRONOUNS);
export const SECOND_PERSON = set(words.SECOND_PERSON);
export const PERSON_NOUNS = set(words.PERSON_NOUNS);
export const NOMINAL_BEFORE = set(words.NOMINAL_BEFORE);
export const COPULA_SUBJECTS = set(words.COPULA_SUBJECTS);
export const COPULAS = set(words.COPULAS);
export const PERSON_PRONOUNS = set(words.PERSON_PRONOUNS);
export const POSITIVE_WORDS = set(words.POSITIVE_WORDS);
export const ENDORSE_CUES = set(words.ENDORSE_CUES);
/**
 * Version 2: negative words whose negation reverses their sense ("X are not vermin" is not
 * abuse): the abuse words disguised spellings are corrected to, plus derogatory attributes.
 */
export const NEGATIVE_WORDS: ReadonlySet<string> = new Set([
  ...words.OBFUSCATION_TARGETS,
  ...words.NEGATIVE_ATTRIBUTES,
]);

/**
 * Words disguised spellings are corrected to, in priority order: slurs, then group names, then
 * profanity and abuse words. Earlier entries win when a spelling is one edit from several.
 */
export const CORRECTION_TARGETS: readonly string[] = (() => {
  const slurs: string[] = [];
  const groups: string[] = [];
  for (const entry of IDENTITY.values()) {
    if (entry.form.length < 4) continue;
    (entry.slur ? slurs : groups).push(entry.form);
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of [...slurs, ...groups, ...words.OBFUSCATION_TARGETS]) {
    if (!seen.has(w)) {
      seen.add(w);
      out.push(w);
    }
  }
  return out;
})();

/** Every word the lexicons know: never "corrected" or split, whatever the vocabulary says. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set([
  ...IDENTITY.keys(),
  ...CORRECTION_TARGETS,
  ...words.NEGATORS,
  ...words.REPORTING_VERBS,
  ...words.COUNTER_CUES,
  ...words.PLURAL_PRONOUNS,
  ...words.SECOND_PERSON,
  ...words.PERSON_NOUNS,
  ...words.POSITIVE_WORDS,
]);

export { IDENTITY_CATEGORIES };
