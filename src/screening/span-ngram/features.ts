import { type Analysis, GROUP_MASK, HOMONYM_MASK, NO_MENTION } from './analyse.js';
import type { FeaturiserConfig } from './config.js';
import { bucket, combine, HASH_SEED, hashStep, hashString } from './hash.js';
import { COUNTER_CUES, POSITIVE_WORDS, SECOND_PERSON } from './lexicon/index.js';
import { TokenKind } from './text/tokenise.js';

/**
 * Hashed feature ids per token: the hot path of screening. Two families:
 * - abuse features (words, context words, bigrams, character n-grams, scope flags) computed on
 *   the text with identity words masked, so "is this abusive?" never keys on who is named;
 * - target features, per identity category, describing how the token relates to the nearest
 *   mention of that category (same clause, previous sentence through a pronoun, the mention
 *   itself is a slur, it is negated or quoted...), so "is it aimed at a protected group?" is
 *   decided from structure that transfers across groups.
 * Tokens inside a negation scope, and tokens quoted or reported in a message that condemns them,
 * get their own copy of every word feature (a separate "variant"), so the model learns what
 * negated or condemned words mean rather than reusing the weights of the plain words.
 */

enum T {
  Word = 1,
  Left1 = 2,
  Right1 = 3,
  Left2 = 4,
  Right2 = 5,
  BigramLeft = 6,
  BigramRight = 7,
  Char = 8,
  Flag = 9,
  /** Version 2: the word's toxicity prior bucket (word-priors.txt), per scope variant. */
  Prior = 10,
}

enum Flag {
  Slur = 1,
  Disguised = 2,
  Question = 3,
  Quoted = 4,
  Reported = 5,
  Positive = 6,
  YouBefore = 7,
  Endorse = 8,
  Counter = 9,
  Variant = 10,
  Homonym = 11,
  Group = 12,
}

enum G {
  Present = 1,
  Category = 2,
  Relation = 3,
  RelationDistance = 4,
  MentionSlur = 5,
  MentionPrev = 6,
  MentionNext = 7,
  MentionFlags = 8,
  TokenFlags = 9,
  Categories = 10,
  Mentions = 11,
  MentionWord = 12,
}

enum Rel {
  Self = 0,
  ClauseBefore = 1,
  ClauseAfter = 2,
  SentenceBefore = 3,
  SentenceAfter = 4,
  PreviousPronoun = 5,
  Previous = 6,
  Later = 7,
  Far = 8,
}

const VARIANT_NEGATED = 1;
const VARIANT_CONDEMNED = 2;
const BOUNDARY = hashString('<s>');

/** Variant of token i: plain, negated, or condemned (quoted/reported in a condemning message). */
export function variantOf(a: Analysis, i: number): number {
  if (a.negated[i] === 1) return VARIANT_NEGATED;
  const quoted = a.tokens[i]?.quoted === true || a.reported[i] === 1;
  if (quoted && a.counter && !a.endorse) return VARIANT_CONDEMNED;
  return 0;
}

function distanceBucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  return 6;
}

/** Word -> toxicity prior bucket (0..PRIOR_BUCKETS-1), shipped in version-2 packages. */
export type WordPriors = ReadonlyMap<string, number>;
export const PRIOR_BUCKETS = 8;

export class Featuriser {
  private formHashes = new Int32Array(64);

  /**
   * `priors` (version 2): how often raters marked each word as toxic, bucketed. With the scope
   * variant it lets a linear model learn that a negated or condemned toxic word is not abuse,
   * which it cannot from the word itself: negated and condemned words get their own copy of the
   * word features, and those copies are rarely seen in training.
   */
  constructor(
    readonly config: FeaturiserConfig,
    readonly priors: WordPriors | null = null,
  ) {}

  /**
   * Writes `abuseSlots` ids for each token i of the analysis at `out[base + i * abuseSlots ...]`,
   * zero-padded. The caller zeroes the buffer.
   */
  writeAbuse(a: Analysis, out: Int32Array, base: number): void {
    const { tokens, abuseForm } = a;
    const n = tokens.length;
    const slots = this.config.abuseSlots;
    const size = this.config.abuseBuckets;
    const { window, bigrams } = this.config;
    if (this.formHashes.length < n) this.formHashes = new Int32Array(n * 2);
    const h = this.formHashes;
    for (let i = 0; i < n; i++) h[i] = hashString(abuseForm[i] ?? '');
    for (let i = 0; i < n; i++) {
      const token = tokens[i];
      if (token === undefined) continue;
      let p = base + i * slots;
      const end = p + slots;
      const variant = variantOf(a, i);
      const v = variant * 100;
      const sentence = token.sentence;
      const w0 = h[i] ?? 0;
      const l1 = this.context(a, i - 1, sentence);
      const l2 = this.context(a, i - 2, sentence);
      const r1 = this.context(a, i + 1, sentence);
      const r2 = this.context(a, i + 2, sentence);
      const self = abuseForm[i] === GROUP_MASK ? null : w0;
      if (self !== null) out[p++] = bucket(combine(T.Word + v, w0), size);
      // A neighbour that names a group gives no context feature at all: "is this abusive?" is
      // decided without knowing that a group is named next to it (GUIDE §5).
      if (window >= 1) {
        if (l1 !== null) out[p++] = bucket(combine(T.Left1 + v, l1), size);
        if (r1 !== null) out[p++] = bucket(combine(T.Right1 + v, r1), size);
      }
      if (window >= 2) {
        if (l2 !== null) out[p++] = bucket(combine(T.Left2 + v, l2), size);
        if (r2 !== null) out[p++] = bucket(combine(T.Right2 + v, r2), size);
      }
      if (bigrams && self !== null) {
        if (l1 !== null) out[p++] = bucket(combine(T.BigramLeft + v, l1, w0), size);
        if (r1 !== null) out[p++] = bucket(combine(T.BigramRight + v, w0, r1), size);
      }
      if (this.priors !== null && self !== null) {
        const prior = this.priors.get(abuseForm[i] ?? '');
        if (prior !== undefined) out[p++] = bucket(combine(T.Prior + v, prior), size);
      }
      const flag = (f: number): void => {
        if (p < end) out[p++] = bucket(combine(T.Flag + v, f), size);
      };
      if (variant !== 0) flag(Flag.Variant);
      if (a.slur[i] === 1) flag(Flag.Slur);
      if (token.disguised) flag(Flag.Disguised);
      if (a.question[i] === 1) flag(Flag.Question);
      if (token.quoted) flag(Flag.Quoted);
      if (a.reported[i] === 1) flag(Flag.Reported);
      if (POSITIVE_WORDS.has(abuseForm[i] ?? '')) flag(Flag.Positive);
      if (a.counter) flag(Flag.Counter);
      if (a.endorse) flag(Flag.Endorse);
      const form = abuseForm[i] ?? '';
      if (form === HOMONYM_MASK) flag(Flag.Homonym);
      if (form === GROUP_MASK) flag(Flag.Group);
      for (let j = Math.max(0, i - 2); j < i; j++) {
        const t = tokens[j];
        if (t !== undefined && t.clause === token.clause && SECOND_PERSON.has(t.form)) {
          flag(Flag.YouBefore);
          break;
        }
      }
      // Character n-grams only for plain words read plainly: negated or condemned words, masked
      // identity words and placeholders must not borrow the meaning of their spelling.
      if (
        variant === 0 &&
        token.kind === TokenKind.Word &&
        form !== GROUP_MASK &&
        form !== HOMONYM_MASK
      ) {
        p = this.writeCharNgrams(form, out, p, Math.min(end, p + this.config.maxCharNgrams), size);
      }
    }
  }

  /** Hash of the context word at position j (a sentence boundary outside it), or null for a group name. */
  private context(a: Analysis, j: number, sentence: number): number | null {
    const token = a.tokens[j];
    if (token === undefined || token.sentence !== sentence) return BOUNDARY;
    if (a.abuseForm[j] === GROUP_MASK) return null;
    return this.formHashes[j] ?? 0;
  }

  private writeCharNgrams(
    form: string,
    out: Int32Array,
    from: number,
    end: number,
    size: number,
  ): number {
    let p = from;
    const len = form.length + 2;
    for (const n of this.config.charNgrams) {
      for (let s = 0; s + n <= len && p < end; s++) {
        let hash = hashStep(HASH_SEED, n);
        for (let k = s; k < s + n; k++) {
          const code = k === 0 ? 0x02 : k === len - 1 ? 0x03 : form.charCodeAt(k - 1);
          hash = hashStep(hash, code);
        }
        out[p++] = bucket(combine(T.Char, hash), size);
      }
    }
    return p;
  }

  /**
   * Writes target ids for token i and category k at `out[base + (i * categories + k) * targetSlots]`
   * for every category the message mentions; categories it does not mention stay all padding,
   * which the graph turns into a target probability of (almost) zero.
   */
  writeTarget(a: Analysis, out: Int32Array, base: number, categories: number): void {
    if (a.categoriesMentioned === 0) return;
    const { tokens } = a;
    const n = tokens.length;
    const slots = this.config.targetSlots;
    const size = this.config.targetBuckets;
    let categoryCount = 0;
    for (let k = 0; k < categories; k++) if ((a.categoriesMentioned >> k) & 1) categoryCount++;
    for (let k = 0; k < categories; k++) {
      if (((a.categoriesMentioned >> k) & 1) === 0) continue;
      const positions: number[] = [];
      for (let j = 0; j < n; j++) if (a.mention[j] === k) positions.push(j);
      const mentions = positions.length;
      for (let i = 0; i < n; i++) {
        const token = tokens[i];
        if (token === undefined) continue;
        const m = nearestMention(a, i, k, positions);
        if (m < 0) continue;
        const mention = tokens[m];
        if (mention === undefined) continue;
        let p = base + (i * categories + k) * slots;
        const end = p + slots;
        const put = (template: number, x: number, y = 0): void => {
          if (p < end) out[p++] = bucket(combine(template, x, y), size);
        };
        const rel = relation(a, i, m);
        const dist = distanceBucket(Math.abs(i - m));
        put(G.Present, 0);
        put(G.Category, k + 1);
        put(G.Relation, rel);
        put(G.RelationDistance, rel, dist);
        if (a.slur[m] === 1) put(G.MentionSlur, rel);
        put(G.MentionPrev, hashString(a.abuseForm[m - 1] ?? '<s>'), rel === Rel.Self ? 1 : 0);
        put(G.MentionNext, hashString(a.abuseForm[m + 1] ?? '</s>'), rel === Rel.Self ? 1 : 0);
        put(G.MentionWord, hashString(mention.form), a.slur[m] ?? 0);
        const mFlags = (a.negated[m] ?? 0) | (mention.quoted ? 2 : 0) | ((a.reported[m] ?? 0) << 2);
        if (mFlags !== 0) put(G.MentionFlags, mFlags);
        const condemned = variantOf(a, i) === VARIANT_CONDEMNED ? 1 : 0;
        const tFlags =
          (a.negated[i] ?? 0) |
          (token.quoted ? 2 : 0) |
          ((a.reported[i] ?? 0) << 2) |
          (condemned << 3) |
          ((a.question[i] ?? 0) << 4);
        put(G.TokenFlags, tFlags, 0);
        if (a.counter) put(G.TokenFlags, 100, a.endorse ? 1 : 0);
        // A condemning word about a quoted or reported mention ("saying 'X are vermin' is vile").
        if (COUNTER_CUES.has(token.form) && (mention.quoted || a.reported[m] === 1))
          put(G.TokenFlags, 300);
        if (youBefore(a, i)) put(G.TokenFlags, 200);
        put(G.Categories, Math.min(categoryCount, 3));
        put(G.Mentions, Math.min(mentions, 3));
      }
    }
  }
}

function youBefore(a: Analysis, i: number): boolean {
  const token = a.tokens[i];
  for (let j = Math.max(0, i - 3); j < i; j++) {
    const t = a.tokens[j];
    if (
      t !== undefined &&
      token !== undefined &&
      t.clause === token.clause &&
      SECOND_PERSON.has(t.form)
    )
      return true;
  }
  return false;
}

/**
 * The mention of category k that token i most plausibly relates to, or -1: the nearest in the
 * same clause, else in the same sentence, else in the nearest sentence. Only the 16 mentions
 * nearest by position are compared, so a huge message costs linear time.
 */
function nearestMention(a: Analysis, i: number, k: number, positions: readonly number[]): number {
  if (a.mention[i] === k) return i;
  const token = a.tokens[i];
  if (token === undefined || positions.length === 0) return -1;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((positions[mid] ?? 0) < i) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let q = Math.max(0, lo - 8); q < Math.min(positions.length, lo + 8); q++) {
    const j = positions[q] ?? 0;
    const t = a.tokens[j];
    if (t === undefined) continue;
    const sentenceGap = Math.abs(t.sentence - token.sentence);
    const clauseGap = t.clause === token.clause ? 0 : 1;
    const score = sentenceGap * 1_000_000 + clauseGap * 100_000 + Math.abs(j - i);
    if (score < bestScore) {
      bestScore = score;
      best = j;
    }
  }
  return best;
}

function relation(a: Analysis, i: number, m: number): number {
  if (i === m) return Rel.Self;
  const t = a.tokens[i];
  const mt = a.tokens[m];
  if (t === undefined || mt === undefined) return Rel.Far;
  if (t.sentence === mt.sentence) {
    if (t.clause === mt.clause) return m < i ? Rel.ClauseBefore : Rel.ClauseAfter;
    return m < i ? Rel.SentenceBefore : Rel.SentenceAfter;
  }
  if (mt.sentence === t.sentence - 1) {
    return a.pronounSentence[t.sentence] === 1 ? Rel.PreviousPronoun : Rel.Previous;
  }
  if (mt.sentence > t.sentence) return Rel.Later;
  return Rel.Far;
}

export { NO_MENTION };
