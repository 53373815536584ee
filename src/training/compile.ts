import { IDENTITY_CATEGORIES } from '../domain/index.js';
import { type Analysis, analyse, GROUP_MASK } from '../screening/span-ngram/analyse.js';
import type { FeaturiserConfig } from '../screening/span-ngram/config.js';
import { Featuriser, type WordPriors } from '../screening/span-ngram/features.js';
import type { Normaliser } from '../screening/span-ngram/text/normalise.js';
import { CONDUCT_HEADS, type Example, HEADS, type Head } from './corpora/types.js';

/**
 * Turns examples into what the trainer consumes: per-token feature ids (exactly those the
 * runtime computes) and per-token and per-message labels. Feature ids are stored compactly
 * (zeros dropped) in one growing pool.
 */

const K = IDENTITY_CATEGORIES.length;
const SEXUAL_VIOLENCE_WORDS = new Set([
  'rape',
  'raped',
  'rapes',
  'raping',
  'rapist',
  'rapists',
  'rapey',
  'grope',
  'groped',
  'groping',
  'groper',
  'molest',
  'molested',
  'molesting',
  'molester',
  'molesters',
]);

/** -1 unknown, 0 no, 1 yes. */
export type Tri = -1 | 0 | 1;

export interface CompiledExample {
  index: number;
  weight: number;
  n: number;
  /** Offset of each token's ids in the pool: token t's ids are pool[tokenStart[t], tokenStart[t+1]). */
  tokenStart: Uint32Array;
  /** Per (token, category) ranges into the target pool, or null when no category is named. */
  targetStart: Uint32Array | null;
  /** Bit set of the identity categories the message names. */
  mentioned: number;
  /** Per token: span-head target in [0, 1], or -1 when unknown. */
  tokenSpan: Float32Array;
  spanWeight: number;
  /** Per token: abuse target in [0, 1], or -1 when unknown. */
  tokenAbuse: Float32Array;
  /**
   * 1 where a token may be the one a message-level label is learnt through: not a (masked)
   * group name. Otherwise every hateful message would teach that naming a group is the abuse.
   */
  milEligible: Uint8Array;
  /** n x 4 conduct labels (threat, sexual_violence, insult, profanity). */
  tokenConduct: Int8Array;
  /** n x K identity labels. */
  tokenIdentity: Int8Array;
  /** Weight of the token identity labels (rater "other" types are weak negatives). */
  identityWeight: Float32Array;
  /** Message labels per head (HEADS order). */
  message: Int8Array;
  targetWeight: number;
  spansComplete: boolean;
}

export class FeaturePool {
  ids = new Int32Array(1 << 20);
  length = 0;

  push(value: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = value;
  }
}

export class Compiler {
  readonly featuriser: Featuriser;
  /** One featuriser per priors map (training examples use priors without their own fold). */
  private readonly byPriors = new Map<WordPriors, Featuriser>();
  readonly abusePool = new FeaturePool();
  readonly targetPool = new FeaturePool();
  private abuseScratch = new Int32Array(0);
  private targetScratch = new Int32Array(0);

  constructor(
    readonly normaliser: Normaliser,
    readonly config: FeaturiserConfig,
    private readonly priorsFor: ((index: number) => WordPriors) | null = null,
  ) {
    this.featuriser = new Featuriser(config);
  }

  private featuriserFor(index: number): Featuriser {
    if (this.priorsFor === null) return this.featuriser;
    const priors = this.priorsFor(index);
    let featuriser = this.byPriors.get(priors);
    if (featuriser === undefined) {
      featuriser = new Featuriser(this.config, priors);
      this.byPriors.set(priors, featuriser);
    }
    return featuriser;
  }

  compile(example: Example, index: number): CompiledExample | null {
    const featuriser = this.featuriserFor(index);
    const a = analyse(this.normaliser, example.text, this.config.version);
    const n = a.tokens.length;
    if (n === 0) return null;
    const { abuseSlots, targetSlots } = this.config;
    if (this.abuseScratch.length < n * abuseSlots)
      this.abuseScratch = new Int32Array(n * abuseSlots * 2);
    const abuse = this.abuseScratch.subarray(0, n * abuseSlots);
    abuse.fill(0);
    featuriser.writeAbuse(a, abuse, 0);
    const tokenStart = new Uint32Array(n + 1);
    for (let t = 0; t < n; t++) {
      tokenStart[t] = this.abusePool.length;
      for (let s = 0; s < abuseSlots; s++) {
        const id = abuse[t * abuseSlots + s] ?? 0;
        if (id !== 0) this.abusePool.push(id);
      }
    }
    tokenStart[n] = this.abusePool.length;
    let targetStart: Uint32Array | null = null;
    if (a.categoriesMentioned !== 0) {
      const size = n * K * targetSlots;
      if (this.targetScratch.length < size) this.targetScratch = new Int32Array(size * 2);
      const target = this.targetScratch.subarray(0, size);
      target.fill(0);
      featuriser.writeTarget(a, target, 0, K);
      targetStart = new Uint32Array(n * K + 1);
      for (let u = 0; u < n * K; u++) {
        targetStart[u] = this.targetPool.length;
        for (let s = 0; s < targetSlots; s++) {
          const id = target[u * targetSlots + s] ?? 0;
          if (id !== 0) this.targetPool.push(id);
        }
      }
      targetStart[n * K] = this.targetPool.length;
    }
    const labels = tokenLabels(example, a);
    const milEligible = new Uint8Array(n).fill(1);
    for (let t = 0; t < n; t++) {
      if (a.abuseForm[t] !== GROUP_MASK) continue;
      milEligible[t] = 0;
      // Raters highlight "violent immigrant" whole, but naming a group is not the abuse: both
      // abuse heads learn a (masked) group name as not abusive, so it is never flagged alone.
      if ((labels.tokenAbuse[t] ?? -1) >= 0) labels.tokenAbuse[t] = 0;
    }
    const tokenSpan =
      (example.spanWeight ?? 0) > 0
        ? Float32Array.from(labels.tokenAbuse)
        : new Float32Array(n).fill(-1);
    return {
      index,
      weight: example.weight,
      n,
      tokenStart,
      targetStart,
      mentioned: a.categoriesMentioned,
      ...labels,
      message: messageLabels(example, a.categoriesMentioned),
      targetWeight: example.targets?.weight ?? 1,
      spanWeight: example.spanWeight ?? 0,
      tokenSpan,
      milEligible,
      spansComplete: example.spansComplete,
    };
  }
}

/** How much of a token's abuse target comes from the raters' vote share rather than gold. */
const VOTE_BLEND = 0.75;

function voteShare(votes: Float32Array | undefined, start: number, end: number): number | null {
  if (votes === undefined || end <= start) return null;
  let sum = 0;
  for (let c = start; c < end; c++) sum += votes[c] ?? 0;
  return sum / (end - start);
}

function singleCategory(mentioned: number): number {
  let found = -1;
  for (let k = 0; k < K; k++) {
    if ((mentioned >> k) & 1) {
      if (found >= 0) return -1;
      found = k;
    }
  }
  return found;
}

export function tokenLabels(
  example: Example,
  a: Analysis,
): Pick<CompiledExample, 'tokenAbuse' | 'tokenConduct' | 'tokenIdentity' | 'identityWeight'> {
  const n = a.tokens.length;
  const tokenAbuse = new Float32Array(n).fill(-1);
  const tokenConduct = new Int8Array(n * 4).fill(-1);
  const tokenIdentity = new Int8Array(n * K).fill(-1);
  const identityWeight = new Float32Array(n).fill(1);
  const spans = example.spans;
  if (spans === null) return { tokenAbuse, tokenConduct, tokenIdentity, identityWeight };
  const only = singleCategory(a.categoriesMentioned);
  a.tokens.forEach((token, t) => {
    let best = null;
    let bestOverlap = 0;
    for (const span of spans) {
      const overlap = Math.min(span.end, token.end) - Math.max(span.start, token.start);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = span;
      }
    }
    const share = voteShare(example.votes, token.start, token.end);
    if (best === null || bestOverlap * 2 < token.end - token.start) {
      if (example.spansComplete) tokenAbuse[t] = share === null ? 0 : VOTE_BLEND * share;
      return;
    }
    const gold = best.labels.abuse ?? 1;
    tokenAbuse[t] = share === null ? gold : (1 - VOTE_BLEND) * gold + VOTE_BLEND * share;
    CONDUCT_HEADS.forEach((head, c) => {
      const value = best.labels[head];
      if (value !== undefined) tokenConduct[t * 4 + c] = value;
    });
    if (example.sexualViolenceFromWords)
      tokenConduct[t * 4 + 1] = SEXUAL_VIOLENCE_WORDS.has(token.form) ? 1 : 0;
    const explicit = IDENTITY_CATEGORIES.some((k) => best.labels[k] !== undefined);
    for (let k = 0; k < K; k++) {
      if (((a.categoriesMentioned >> k) & 1) === 0) continue;
      const category = IDENTITY_CATEGORIES[k];
      if (category === undefined) continue;
      if (explicit) tokenIdentity[t * K + k] = best.labels[category] ?? 0;
      else if (best.identity === 'attack') {
        if (only >= 0) tokenIdentity[t * K + k] = k === only ? 1 : 0;
      } else if (best.identity === 'other') {
        tokenIdentity[t * K + k] = 0;
        identityWeight[t] = 0.3;
      }
    }
  });
  return { tokenAbuse, tokenConduct, tokenIdentity, identityWeight };
}

export function messageLabels(example: Example, mentioned: number): Int8Array {
  const message = new Int8Array(HEADS.length).fill(-1);
  HEADS.forEach((head: Head, h) => {
    const value = example.message[head];
    if (value !== undefined) message[h] = value;
  });
  const targets = example.targets;
  if (targets !== undefined) {
    const only = singleCategory(mentioned);
    for (let k = 0; k < K; k++) {
      if (((mentioned >> k) & 1) === 0) continue;
      const category = IDENTITY_CATEGORIES[k];
      if (category === undefined) continue;
      let value: Tri;
      if (targets.categories === 'named') value = only === k ? 1 : only >= 0 ? 0 : -1;
      else value = targets.categories.includes(category) ? 1 : 0;
      message[5 + k] = value;
    }
  }
  return message;
}
