import { CATEGORIES, CONDUCT_CATEGORIES, IDENTITY_CATEGORIES } from '../domain/index.js';
import {
  SPAN_PRIOR_FEATURES,
  spanContextFeatures,
  writePriorFeatures,
} from '../screening/span-ngram/calibration.js';
import type { Calibration } from '../screening/span-ngram/decode.js';
import { type Platt, SPAN_CONTEXT_FEATURES } from '../screening/span-ngram/manifest-sections.js';
import { fitPlatt } from './calibrate.js';
import { messageLabels, tokenLabels } from './compile.js';
import { fitLogistic } from './fit-logistic.js';
import { goldMask, type Scored } from './scored.js';

/**
 * Fits every calibration map on held-apart data only:
 * - span context weights and conduct Platt maps on the held-apart slice of toxic-spans train
 *   (token labels: gold membership; conduct: the raters' span types);
 * - identity Platt maps and `any` on the calib halves of the message-labelled corpora.
 */
const C = CATEGORIES.length;
const K = IDENTITY_CATEGORIES.length;
/** Corpora whose message labels say both "abusive" and "not abusive": `any` is fitted on them. */
export const ANY_CORPORA = new Set(['hatexplain', 'davidson', 'mlma', 'toxigen']);
/** Fewer held-apart positives than this and a category's map is not fitted (identity map). */
const MIN_POSITIVES = 20;

export interface CalibrationReport {
  calibration: Calibration;
  counts: Record<string, { examples: number; positives: number }>;
}

/**
 * `version` 2 (span-ngram-3): the span weights also read the word's toxicity prior (fitted from
 * the version-1 weights, the prior weights starting at zero), and the runtime takes the span
 * probability as the conduct score (decode.ts). The scored sets need the engine's priors.
 */
export function fitCalibration(
  spanSet: readonly Scored[],
  messageSet: readonly Scored[],
  version: 1 | 2 = 1,
): CalibrationReport {
  const counts: CalibrationReport['counts'] = {};
  // Span context.
  const rows: number[] = [];
  const labels: number[] = [];
  // Fitted on toxic-spans posts, all of them abusive. The relative terms are scaled by the
  // message's top score, so a harmless message (low top score) gets no promotion from them.
  for (const s of spanSet) {
    const n = s.raw.analysis.tokens.length;
    if (n === 0) continue;
    const x = new Float64Array(n * SPAN_CONTEXT_FEATURES);
    spanContextFeatures(
      s.raw.span,
      s.raw.abuse,
      s.raw.analysis.tokens.map((t) => t.sentence),
      n,
      x,
    );
    const gold = goldMask(s);
    for (let t = 0; t < n; t++) {
      for (let d = 0; d < SPAN_CONTEXT_FEATURES; d++)
        rows.push(x[t * SPAN_CONTEXT_FEATURES + d] ?? 0);
      labels.push(gold[t] ?? 0);
    }
  }
  const contextWeights = fitLogistic(
    Float64Array.from(rows),
    labels,
    SPAN_CONTEXT_FEATURES,
    Array.from({ length: SPAN_CONTEXT_FEATURES }, (_, d) => (d === 0 ? 1 : 0)),
  );
  const spanWeights =
    version === 1 ? contextWeights : fitWithPrior(spanSet, rows, labels, contextWeights);
  counts.span = { examples: labels.length, positives: labels.reduce((a, b) => a + b, 0) };
  // Conduct given abusive, on gold tokens with a rater type.
  const conduct = {} as Record<(typeof CONDUCT_CATEGORIES)[number], Platt>;
  CONDUCT_CATEGORIES.forEach((category, c) => {
    const raw: number[] = [];
    const y: (0 | 1)[] = [];
    for (const s of spanSet) {
      const tl = tokenLabels(s.example, s.raw.analysis);
      const n = s.raw.analysis.tokens.length;
      for (let t = 0; t < n; t++) {
        const label = tl.tokenConduct[t * 4 + c] ?? -1;
        const span = s.raw.span[t] ?? 0;
        if (label < 0 || span <= 0) continue;
        raw.push((s.raw.scores[t * C + K + c] ?? 0) / span);
        y.push(label === 1 ? 1 : 0);
      }
    }
    const positives = y.filter((v) => v === 1).length;
    counts[category] = { examples: y.length, positives };
    conduct[category] = positives >= MIN_POSITIVES ? fitPlatt(raw, y) : { a: 1, b: 0 };
  });
  // Identity, message level: the largest token score against "the message targets group k".
  const pooledRaw: number[] = [];
  const pooledY: (0 | 1)[] = [];
  const perCategory = IDENTITY_CATEGORIES.map(() => ({ raw: [] as number[], y: [] as (0 | 1)[] }));
  for (const s of messageSet) {
    const message = messageLabels(s.example, s.raw.analysis.categoriesMentioned);
    const n = s.raw.analysis.tokens.length;
    for (let k = 0; k < K; k++) {
      const label = message[5 + k] ?? -1;
      if (label < 0) continue;
      let best = 0;
      for (let t = 0; t < n; t++) best = Math.max(best, s.raw.scores[t * C + k] ?? 0);
      perCategory[k]?.raw.push(best);
      perCategory[k]?.y.push(label === 1 ? 1 : 0);
      pooledRaw.push(best);
      pooledY.push(label === 1 ? 1 : 0);
    }
  }
  const pooled = fitPlatt(pooledRaw, pooledY);
  const identity = {} as Record<(typeof IDENTITY_CATEGORIES)[number], Platt>;
  counts.identity = { examples: pooledY.length, positives: pooledY.filter((v) => v === 1).length };
  IDENTITY_CATEGORIES.forEach((category, k) => {
    const data = perCategory[k] ?? { raw: [], y: [] };
    const positives = data.y.filter((v) => v === 1).length;
    counts[category] = { examples: data.y.length, positives };
    // One map for every identity category: the target head's features are shared across
    // groups, and per-category maps fitted on corpora of very different make-up would treat
    // equal evidence against different groups differently.
    identity[category] = pooled;
  });
  // any.
  const anyRaw: number[] = [];
  const anyY: (0 | 1)[] = [];
  for (const s of messageSet) {
    if (!ANY_CORPORA.has(s.example.corpus) || s.example.any === undefined) continue;
    let best = 0;
    for (let t = 0; t < s.raw.analysis.tokens.length; t++)
      best = Math.max(best, s.raw.abuse[t] ?? 0);
    anyRaw.push(best);
    anyY.push(s.example.any);
  }
  counts.any = { examples: anyY.length, positives: anyY.filter((v) => v === 1).length };
  return {
    calibration: {
      method: 'context-platt',
      ...(version === 1 ? {} : { version }),
      span: { weights: spanWeights },

      conduct,
      identity,
      any: fitPlatt(anyRaw, anyY),
      extendOverGroupNames: true,
      denialBlocksIdentity: true,
    },
    counts,
  };
}

/** Version 2's span weights: the context rows with the prior features appended to each token. */
function fitWithPrior(
  spanSet: readonly Scored[],
  contextRows: readonly number[],
  labels: readonly number[],
  contextWeights: readonly number[],
): number[] {
  const D = SPAN_CONTEXT_FEATURES + SPAN_PRIOR_FEATURES;
  const x = new Float64Array(labels.length * D);
  const prior = new Float64Array(SPAN_PRIOR_FEATURES);
  let row = 0;
  for (const s of spanSet) {
    const n = s.raw.analysis.tokens.length;
    if (n > 0 && s.raw.prior === undefined)
      throw new Error('calibration version 2 needs scores from an engine with word priors');
    for (let t = 0; t < n; t++) {
      for (let d = 0; d < SPAN_CONTEXT_FEATURES; d++)
        x[row * D + d] = contextRows[row * SPAN_CONTEXT_FEATURES + d] ?? 0;
      writePriorFeatures(s.raw.prior?.[t] ?? -1, prior, 0);
      for (let d = 0; d < SPAN_PRIOR_FEATURES; d++)
        x[row * D + SPAN_CONTEXT_FEATURES + d] = prior[d] ?? 0;
      row++;
    }
  }
  return fitLogistic(x, labels, D, [
    ...contextWeights,
    ...Array.from({ length: SPAN_PRIOR_FEATURES }, () => 0),
  ]);
}
