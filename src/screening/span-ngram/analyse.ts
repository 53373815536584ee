import { attributionFrame, GENDERED_INSULTS, NEGATED_APPROVAL, withFrame } from './analyse-v2.js';
import type { FeaturiserVersion } from './config.js';
import {
  BELIEF_VERBS,
  COPULA_SUBJECTS,
  COPULAS,
  COUNTER_CUES,
  ENDORSE_CUES,
  IDENTITY,
  NEGATORS,
  NOMINAL_BEFORE,
  OTHER_SUBJECTS,
  PERSON_NOUNS,
  PERSON_PRONOUNS,
  PLURAL_PRONOUNS,
  REPORTING_VERBS,
  SCOPE_BREAKERS,
} from './lexicon/index.js';
import type { Normaliser, Token } from './text/normalise.js';

/**
 * The structure around the words: which tokens name a protected group (and which are slurs, and
 * which slur homonyms are innocent here), and which tokens sit in a negation, quotation or
 * reported-speech scope. Features are built from this; nothing here is learnt.
 */

export const NO_MENTION = -1;

/** What the abuse head sees in place of a neutral group name: identity words are masked out. */
export const GROUP_MASK = '<grp>';
/** What it sees in place of a slur homonym read in its innocent sense. */
export const HOMONYM_MASK = '<hom>';

export interface Analysis {
  tokens: Token[];
  /** Identity category index named by the token, or NO_MENTION. */
  mention: Int8Array;
  slur: Uint8Array;
  /** 1 where the token is a slur homonym used innocently ("a fag break"). */
  innocent: Uint8Array;
  negated: Uint8Array;
  /** 1 inside a reported-speech scope ("calling them X", "people who think X"). */
  reported: Uint8Array;
  /** 1 where the token's sentence is a question. */
  question: Uint8Array;
  /** Per sentence: it contains a plural pronoun that can point back to a group. */
  pronounSentence: Uint8Array;
  /** The message condemns something (a counter-speech cue outside quotes and negation). */
  counter: boolean;
  endorse: boolean;
  /** The form the abuse head sees: identity words masked. */
  abuseForm: string[];
  /** Categories mentioned anywhere in the message, as a bit set. */
  categoriesMentioned: number;
}

const MAX_NEGATION = 8;
const MAX_REPORT = 14;

function formAt(tokens: readonly Token[], i: number): string {
  return tokens[i]?.form ?? '';
}

function sameSentence(tokens: readonly Token[], i: number, j: number): boolean {
  const a = tokens[i];
  const b = tokens[j];
  return a !== undefined && b !== undefined && a.sentence === b.sentence;
}

function personReading(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next !== undefined && next.clause === tokens[i]?.clause && PERSON_NOUNS.has(next.form))
    return true;
  const prev = formAt(tokens, i - 1);
  const prevSame = i > 0 && tokens[i - 1]?.clause === tokens[i]?.clause;
  if (!prevSame) return false;
  if (COPULA_SUBJECTS.has(prev)) return true;
  if (COPULAS.has(prev) && PERSON_PRONOUNS.has(formAt(tokens, i - 2))) return true;
  if (NOMINAL_BEFORE.has(prev)) {
    // "the disabled are ..." but not "the black car": a bare adjective must end its phrase.
    return (
      next === undefined ||
      next.clause !== tokens[i]?.clause ||
      COPULAS.has(next.form) ||
      FUNCTION_AFTER.has(next.form)
    );
  }
  return false;
}

const FUNCTION_AFTER: ReadonlySet<string> = new Set([
  'should',
  'must',
  'can',
  'cant',
  'will',
  'wont',
  'have',
  'do',
  'dont',
  'need',
  'deserve',
  'belong',
  'get',
  'and',
  'or',
  'who',
  'that',
  'ruin',
  'never',
  'always',
  'all',
  'just',
  'only',
  'want',
  'shouldnt',
  'cannot',
  'arent',
  'werent',
  'wouldnt',
  'to',
  'in',
  'like',
  'because',
]);

function innocentContext(tokens: readonly Token[], i: number, cues: ReadonlySet<string>): boolean {
  for (let j = Math.max(0, i - 3); j <= i + 3 && j < tokens.length; j++) {
    if (j !== i && sameSentence(tokens, i, j) && cues.has(formAt(tokens, j))) return true;
  }
  return false;
}

function markMentions(a: Analysis, version: FeaturiserVersion): void {
  const { tokens } = a;
  /** Version 2: singular gendered insults, a `sex` mention only if women are named as a group. */
  const gendered: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    const entry = IDENTITY.get(token.form);
    if (entry === undefined) continue;
    if (entry.next !== null) {
      if (entry.next.has(formAt(tokens, i + 1))) {
        a.mention[i] = entry.categoryIndex;
        a.mention[i + 1] = entry.categoryIndex;
        a.categoriesMentioned |= 1 << entry.categoryIndex;
        a.abuseForm[i] = GROUP_MASK;
        a.abuseForm[i + 1] = GROUP_MASK;
        i++;
      }
      continue;
    }
    if (entry.person && !personReading(tokens, i) && !(version >= 2 && withFrame(tokens, i)))
      continue;
    if (entry.innocent !== null && innocentContext(tokens, i, entry.innocent)) {
      a.innocent[i] = 1;
      a.abuseForm[i] = HOMONYM_MASK;
      continue;
    }
    if (version >= 2 && GENDERED_INSULTS.has(token.form)) {
      gendered.push(i);
      continue;
    }
    a.mention[i] = entry.categoryIndex;
    a.categoriesMentioned |= 1 << entry.categoryIndex;
    if (entry.slur) a.slur[i] = 1;
    else {
      a.abuseForm[i] = GROUP_MASK;
      // "black people", "gay men", "trans women": the person noun is part of the group's name.
      const next = tokens[i + 1];
      if (
        next !== undefined &&
        next.clause === token.clause &&
        PERSON_NOUNS.has(next.form) &&
        !IDENTITY.has(next.form)
      ) {
        a.mention[i + 1] = entry.categoryIndex;
        a.abuseForm[i + 1] = GROUP_MASK;
        i++;
      }
    }
  }
  const sex = IDENTITY.get('women')?.categoryIndex ?? -1;
  if (gendered.length > 0 && sex >= 0 && ((a.categoriesMentioned >> sex) & 1) === 1) {
    for (const i of gendered) {
      a.mention[i] = sex;
      a.slur[i] = 1;
    }
  }
}

function scopeEnds(
  tokens: readonly Token[],
  from: number,
  j: number,
  bySentence: boolean,
): boolean {
  const start = tokens[from];
  const t = tokens[j];
  if (start === undefined || t === undefined) return true;
  if (bySentence ? t.sentence !== start.sentence : t.clause !== start.clause) return true;
  return SCOPE_BREAKERS.has(t.form);
}

function markScopes(a: Analysis, version: FeaturiserVersion): void {
  const { tokens } = a;
  for (let i = 0; i < tokens.length; i++) {
    const form = formAt(tokens, i);
    if (NEGATORS.has(form)) {
      for (let j = i + 1; j < tokens.length && j <= i + MAX_NEGATION; j++) {
        if (scopeEnds(tokens, i, j, false)) break;
        a.negated[j] = 1;
      }
    }
    const reporting =
      REPORTING_VERBS.has(form) ||
      (BELIEF_VERBS.has(form) && OTHER_SUBJECTS.has(formAt(tokens, i - 1)));
    if (reporting) {
      for (let j = i + 1; j < tokens.length && j <= i + MAX_REPORT; j++) {
        if (scopeEnds(tokens, i, j, true)) break;
        a.reported[j] = 1;
      }
    }
  }
  if (version >= 2) {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (
        token !== undefined &&
        !token.quoted &&
        a.negated[i] === 1 &&
        NEGATED_APPROVAL.has(token.form)
      )
        a.counter = true;
    }
    if (attributionFrame(tokens)) a.counter = true;
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.quoted || a.negated[i] === 1) continue;
    if (COUNTER_CUES.has(token.form) && a.mention[i] === NO_MENTION) a.counter = true;
    if (ENDORSE_CUES.has(token.form)) a.endorse = true;
    if (PLURAL_PRONOUNS.has(token.form)) a.pronounSentence[token.sentence] = 1;
  }
  // Version 2: condemnation needs something quoted or reported to condemn. Without it a cue
  // such as "disgusting" or "vile" is the abuse itself ("Muslims are disgusting"), and version 1
  // marked such hate as counter-speech.
  if (version >= 2 && a.counter) {
    let condemnable = false;
    for (let i = 0; i < tokens.length && !condemnable; i++)
      condemnable = tokens[i]?.quoted === true || a.reported[i] === 1;
    if (!condemnable) a.counter = false;
  }
}

export function analyseTokens(
  tokens: Token[],
  questions: readonly boolean[],
  version: FeaturiserVersion = 1,
): Analysis {
  const n = tokens.length;
  const sentences = n === 0 ? 0 : (tokens[n - 1]?.sentence ?? 0) + 1;
  const a: Analysis = {
    tokens,
    mention: new Int8Array(n).fill(NO_MENTION),
    slur: new Uint8Array(n),
    innocent: new Uint8Array(n),
    negated: new Uint8Array(n),
    reported: new Uint8Array(n),
    question: new Uint8Array(n),
    pronounSentence: new Uint8Array(sentences),
    counter: false,
    endorse: false,
    abuseForm: tokens.map((t) => t.form),
    categoriesMentioned: 0,
  };
  for (let i = 0; i < n; i++) {
    const s = tokens[i]?.sentence ?? 0;
    if (questions[s] === true) a.question[i] = 1;
  }
  markMentions(a, version);
  markScopes(a, version);
  return a;
}

/** The analysis of a text under the rules of featuriser `version` (config.ts). */
export function analyse(
  normaliser: Normaliser,
  text: string,
  version: FeaturiserVersion = 1,
): Analysis {
  const { tokens, questions } = normaliser.normalise(text);
  return analyseTokens(tokens, questions, version);
}
