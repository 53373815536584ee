import { ENDORSE_CUES, NEGATIVE_WORDS, PERSON_NOUNS } from './lexicon/index.js';
import type { Token } from './text/normalise.js';

/**
 * Analysis rules added in featuriser version 2 (version-1 packages never run them, so their
 * output replays bit for bit). Each rule is structure, not a learnt weight, and each answers a
 * failure of version 1 on the functional behaviours or on harmless chat.
 */

/**
 * Gendered insults that, aimed at one person, are insults rather than sexism
 * (docs/categories.md: `sex` is hostility to women as a group or because they are women). The
 * singular forms are a `sex` mention only when the message also names women (or men) as a
 * group; the plural forms ("bitches ain't shit", "all women are whores") generalise about women
 * and stay a mention. Slurs that name women as a class (femoid, roastie, feminazi) are not here.
 */
export const GENDERED_INSULTS: ReadonlySet<string> = new Set([
  'bitch',
  'bitchy',
  'slut',
  'slutty',
  'whore',
  'skank',
  'skanky',
  'thot',
  'slag',
  'bimbo',
  'hoe',
  'ho',
]);

/** Words before "with" that make "people with disabilities" a reference to people. */
const WITH_HEADS: ReadonlySet<string> = new Set([
  ...PERSON_NOUNS,
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'those',
  'everyone',
  'nobody',
  'one',
]);

/**
 * "people with disabilities", "someone with a disability", "kids with autism": a person word,
 * "with", an optional article, then the group word. Version 1 read these group words only right
 * before a person noun or in copular frames.
 */
export function withFrame(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  const article = tokens[j]?.form;
  if (article === 'a' || article === 'an') j--;
  const withToken = tokens[j];
  const head = tokens[j - 1];
  return (
    withToken !== undefined &&
    withToken.form === 'with' &&
    head !== undefined &&
    head.clause === withToken.clause &&
    WITH_HEADS.has(head.form)
  );
}

/**
 * Approval words that, negated, condemn what the message talks about: '"I hate X" is not
 * acceptable', "there is no excuse for calling X trash". Version 1 ignored negated cues, so a
 * negated approval never marked the message as counter-speech.
 */
export const NEGATED_APPROVAL: ReadonlySet<string> = new Set([
  'acceptable',
  'ok',
  'okay',
  'fine',
  'appropriate',
  'allowed',
  'cool',
  'funny',
  'excuse',
  'excusable',
  'justified',
  'justifiable',
  'tolerated',
  'welcome',
]);

/** Reporting and belief verbs that, right after "who", attribute a view to others. */
const ATTRIBUTING: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'think',
  'thinks',
  'thought',
  'believe',
  'believes',
  'claim',
  'claims',
  'claimed',
  'call',
  'calls',
  'called',
  'insist',
  'insists',
  'reckon',
  'reckons',
]);

/** Endorsements that version 2 adds to ENDORSE_CUES for the attribution frame. */
const ENDORSE_V2: ReadonlySet<string> = new Set(['right', 'correct', 'spot']);

/**
 * "People who say X are scum need to grow up", "anyone who thinks X...": a view attributed to
 * others through "who" + a reporting verb is, unless the message endorses it, distanced from
 * and almost always criticised by the speaker. Returns whether the message has such a frame
 * outside quotes with no endorsement cue anywhere.
 */
export function attributionFrame(tokens: readonly Token[]): boolean {
  let frame = false;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined || t.quoted) continue;
    if (ENDORSE_CUES.has(t.form) || ENDORSE_V2.has(t.form)) return false;
    if (ATTRIBUTING.has(t.form) && tokens[i - 1]?.form === 'who') frame = true;
  }
  return frame;
}

/**
 * Clauses that deny a negative word: a negative word (abuse, insult, a derogatory attribute)
 * inside a negation scope ("Muslims are not vermin", "I don't hate them", "they aren't
 * dangerous"). Decoding (version 2) flags no identity category in such a clause: a denied
 * insult is not identity abuse, however the broad abuse head scores the clause's words. A
 * curated list, because the model's own scores do not separate "not vermin" from "vermin" (few
 * negated insults in the corpora) and rater-derived priors do not tell "vermin" from "human".
 * Negated positive words ("not human", "never be trusted") are untouched: they stay hateful; so
 * are negated questions, which assert what they ask ("Isn't it obvious they are inferior?",
 * "Aren't they just animals?").
 */
export function denyingClauses(
  tokens: readonly Token[],
  negated: Uint8Array,
  question: Uint8Array,
  abuseForm: readonly string[],
): Set<number> {
  const clauses = new Set<number>();
  tokens.forEach((token, i) => {
    if (
      negated[i] === 1 &&
      question[i] !== 1 &&
      !token.quoted &&
      NEGATIVE_WORDS.has(abuseForm[i] ?? '')
    )
      clauses.add(token.clause);
  });
  return clauses;
}
