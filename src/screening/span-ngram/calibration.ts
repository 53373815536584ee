import { PRIOR_BUCKETS } from './features.js';

/** Platt scaling: p = sigmoid(a * logit(raw) + b). */
export interface Platt {
  a: number;
  b: number;
}

const EPS = 1e-7;

export const SPAN_CONTEXT_FEATURES = 7;
/**
 * Calibration version 2 appends two span features after the context ones: the word's toxicity
 * prior bucket / (PRIOR_BUCKETS - 1), and 1 when the word has a prior at all.
 */
export const SPAN_PRIOR_FEATURES = 2;
/** Largest prior bucket: the prior feature is bucket / this. */
const PRIOR_TOP = PRIOR_BUCKETS - 1;

/** Length of `calibration.span.weights` for a calibration version. */
export function spanWeightCount(version: number): number {
  return version >= 2 ? SPAN_CONTEXT_FEATURES + SPAN_PRIOR_FEATURES : SPAN_CONTEXT_FEATURES;
}

/** The prior features of a token (bucket, or -1 when the word has none). */
export function writePriorFeatures(bucket: number, out: Float64Array, offset: number): void {
  out[offset] = bucket < 0 ? 0 : bucket / PRIOR_TOP;
  out[offset + 1] = bucket < 0 ? 0 : 1;
}

export function logit(p: number): number {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Platt scaling of a raw probability. A raw score of exactly 0 (category not mentioned) stays 0. */
export function calibrate(raw: number, platt: Platt): number {
  if (raw <= 0) return 0;
  return sigmoid(platt.a * logit(raw) + platt.b);
}

/** Raw scores are floored here before logit: a neighbour that does not exist reads as this. */
const FLOOR = 1e-4;

/**
 * The context features of each token's span score (see manifest-sections.ts `span`), written
 * to `out` as n x SPAN_CONTEXT_FEATURES:
 *   0 logit(span score)
 *   1 its distance below the message's largest span score, scaled by that largest score
 *   2 whether it is that largest, scaled by that largest score
 *   3 logit(largest neighbour's span score)
 *   4 logit(broad abuse score): a second opinion from the head trained on every corpus
 *   5 its distance below its sentence's largest span score, scaled by that score
 *   6 constant
 * The relative terms are scaled by the top score so that the strongest word of a harmless
 * message (low top score) is not promoted for being the strongest. Message length is left out on
 * purpose: in toxic-spans data every post is abusive, so short posts concentrate their abuse in
 * few words, which is not true of short chat messages.
 */
export function spanContextFeatures(
  span: Float32Array,
  abuse: Float32Array,
  sentences: ArrayLike<number>,
  n: number,
  out: Float64Array,
): void {
  let argmax = 0;
  for (let t = 1; t < n; t++) if ((span[t] ?? 0) > (span[argmax] ?? 0)) argmax = t;
  const top = Math.max(FLOOR, span[argmax] ?? 0);
  const largest = logit(top);
  let sentenceStart = 0;
  while (sentenceStart < n) {
    let sentenceEnd = sentenceStart;
    let sentenceTop = FLOOR;
    while (sentenceEnd < n && sentences[sentenceEnd] === sentences[sentenceStart]) {
      sentenceTop = Math.max(sentenceTop, span[sentenceEnd] ?? 0);
      sentenceEnd++;
    }
    const sentenceLargest = logit(sentenceTop);
    for (let t = sentenceStart; t < sentenceEnd; t++) {
      let neighbour = FLOOR;
      if (t > sentenceStart) neighbour = Math.max(neighbour, span[t - 1] ?? 0);
      if (t + 1 < sentenceEnd) neighbour = Math.max(neighbour, span[t + 1] ?? 0);
      const o = t * SPAN_CONTEXT_FEATURES;
      const own = logit(Math.max(FLOOR, span[t] ?? 0));
      out[o] = own;
      out[o + 1] = (own - largest) * top;
      out[o + 2] = t === argmax ? top : 0;
      out[o + 3] = logit(neighbour);
      out[o + 4] = logit(Math.max(FLOOR, abuse[t] ?? 0));
      out[o + 5] = (own - sentenceLargest) * sentenceTop;
      out[o + 6] = 1;
    }
    sentenceStart = sentenceEnd;
  }
}

export function linearSigmoid(weights: readonly number[], x: Float64Array, offset: number): number {
  let z = 0;
  for (let d = 0; d < weights.length; d++) z += (weights[d] ?? 0) * (x[offset + d] ?? 0);
  return sigmoid(z);
}

/**
 * Calibration version 2's span probability: the context features (x at `offset`), then the
 * prior features, summed in that order.
 */
export function linearSigmoidWithPrior(
  weights: readonly number[],
  x: Float64Array,
  offset: number,
  prior: Float64Array,
): number {
  let z = 0;
  for (let d = 0; d < SPAN_CONTEXT_FEATURES; d++) z += (weights[d] ?? 0) * (x[offset + d] ?? 0);
  for (let d = 0; d < SPAN_PRIOR_FEATURES; d++)
    z += (weights[SPAN_CONTEXT_FEATURES + d] ?? 0) * (prior[d] ?? 0);
  return sigmoid(z);
}
