import { analyse } from '../screening/span-ngram/analyse.js';
import type { FeaturiserVersion } from '../screening/span-ngram/config.js';
import { PRIOR_BUCKETS, type WordPriors } from '../screening/span-ngram/features.js';
import type { Normaliser } from '../screening/span-ngram/text/normalise.js';
import type { Example } from './corpora/types.js';

/**
 * Word-toxicity priors (featuriser version 2): per normalised word, the mean share of raters who
 * marked it toxic over its occurrences in toxic-spans training posts (gold membership where a
 * post has no per-rater data), smoothed and bucketed. The raters' vote share grades words that
 * some raters mark from words nobody marks (it measured a little better than gold membership). They feed a
 * feature that, combined with the scope variant, says "a toxic word, negated" or "a toxic word,
 * quoted to condemn it" for any toxic word, including those never seen negated in training.
 *
 * Training examples are featurised with priors computed without their own fold (FOLDS folds by
 * example index), so the model cannot learn to trust a rare word's prior because the prior
 * encodes that very example's label; the package ships the priors of all folds together.
 */
const FOLDS = 5;
/** Fewer occurrences than this and a word has no prior. */
const MIN_COUNT = 3;
/** Smoothing: as if each word had been seen SMOOTH_N more times at the base rate. */
const SMOOTH_N = 2;
const BASE_RATE = 0.05;
/** Upper edges of buckets 0..PRIOR_BUCKETS-2; above the last edge is the last bucket. */
const EDGES = [0.01, 0.03, 0.07, 0.15, 0.3, 0.5, 0.7];

export function priorBucket(rate: number): number {
  let b = 0;
  while (b < EDGES.length && rate > (EDGES[b] ?? 1)) b++;
  return Math.min(b, PRIOR_BUCKETS - 1);
}

type Counts = Map<string, [number, number]>;

function toPriors(total: Counts, minus: Counts | null): Map<string, number> {
  const out = new Map<string, number>();
  const words = [...total.keys()].sort();
  for (const word of words) {
    const [gold, seen] = total.get(word) ?? [0, 0];
    const [g0, s0] = minus?.get(word) ?? [0, 0];
    const n = seen - s0;
    if (n < MIN_COUNT) continue;
    out.set(word, priorBucket((gold - g0 + SMOOTH_N * BASE_RATE) / (n + SMOOTH_N)));
  }
  return out;
}

export interface TrainingPriors {
  /** What the package ships: every fold. */
  all: Map<string, number>;
  /** The priors an example is featurised with during training. */
  forExample(index: number): WordPriors;
}

/** `examples` are the training examples; only toxic-spans ones with spans are counted. */
export function computePriors(
  examples: readonly Example[],
  normaliser: Normaliser,
  version: FeaturiserVersion,
): TrainingPriors {
  const total: Counts = new Map();
  const folds: Counts[] = Array.from({ length: FOLDS }, () => new Map());
  const counted = new Set<number>();
  examples.forEach((example, index) => {
    if (example.corpus !== 'toxic_spans' || example.spans === null || !example.spansComplete)
      return;
    counted.add(index);
    const fold = folds[index % FOLDS] as Counts;
    const a = analyse(normaliser, example.text, version);
    for (const token of a.tokens) {
      let inside = 0;
      for (const span of example.spans)
        inside += Math.max(0, Math.min(span.end, token.end) - Math.max(span.start, token.start));
      let toxic = inside > 0 && inside * 2 >= token.end - token.start ? 1 : 0;
      if (example.votes !== undefined) {
        let share = 0;
        for (let c = token.start; c < token.end; c++) share += example.votes[c] ?? 0;
        toxic = share / Math.max(1, token.end - token.start);
      }
      for (const counts of [total, fold]) {
        const entry = counts.get(token.form) ?? [0, 0];
        entry[0] += toxic;
        entry[1] += 1;
        counts.set(token.form, entry);
      }
    }
  });
  const all = toPriors(total, null);
  const heldOut = folds.map((fold) => toPriors(total, fold));
  return {
    all,
    forExample: (index) => (counted.has(index) ? (heldOut[index % FOLDS] ?? all) : all),
  };
}

/** The package file: `word<TAB>bucket`, sorted by word. */
export function priorsText(priors: ReadonlyMap<string, number>): string {
  return [...priors.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word, bucket]) => `${word}\t${bucket}\n`)
    .join('');
}
