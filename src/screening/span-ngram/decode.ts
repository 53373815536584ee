import {
  CATEGORIES,
  type Category,
  type CategoryScores,
  CONDUCT_CATEGORIES,
  IDENTITY_CATEGORIES,
  type MessageScreening,
  type ScoredSpan,
} from '../../domain/index.js';
import { GROUP_MASK } from './analyse.js';
import { denyingClauses } from './analyse-v2.js';
import {
  calibrate,
  linearSigmoid,
  linearSigmoidWithPrior,
  SPAN_CONTEXT_FEATURES,
  SPAN_PRIOR_FEATURES,
  spanContextFeatures,
  writePriorFeatures,
} from './calibration.js';
import type { RawScores } from './engine.js';
import type { SpanNgramSections } from './manifest-sections.js';

/**
 * From raw token scores to what reviewers see: calibrated token scores per category, spans at
 * the thresholds in force (adjacent flagged words merged), and calibrated message-level scores.
 *   conduct c:  P(token in an abusive span | its message) x P(c | abusive token)
 *               (calibration version 2: x P(c | abusive token) / max over c of the same)
 *   identity k: Platt(abuse x aimed-at-k)
 */

const C = CATEGORIES.length;
const K = IDENTITY_CATEGORIES.length;
/** Flagged words this close (in characters) within a sentence form one span: "stupid, ugly". */
const MAX_GAP = 2;

export type Calibration = SpanNgramSections['calibration'];

/**
 * Marks (2) each group name next to a flagged word of the same sentence, so a conduct span
 * covers "filthy immigrants" as raters mark it; a group name alone stays unflagged.
 */
function extendOverGroups(
  tokens: RawScores['analysis']['tokens'],
  abuseForm: readonly string[],
  on: Uint8Array,
): void {
  const n = tokens.length;
  for (let t = 0; t < n; t++) {
    if (on[t] !== 0 || abuseForm[t] !== GROUP_MASK) continue;
    const token = tokens[t];
    const before = tokens[t - 1];
    const after = tokens[t + 1];
    if (token === undefined) continue;
    const left =
      before !== undefined &&
      on[t - 1] === 1 &&
      before.sentence === token.sentence &&
      token.start - before.end <= MAX_GAP;
    const right =
      after !== undefined &&
      on[t + 1] === 1 &&
      after.sentence === token.sentence &&
      after.start - token.end <= MAX_GAP;
    if (left || right) on[t] = 2;
  }
}

/** Calibrated token scores, tokens x CATEGORIES.length. */
export function calibratedTokenScores(raw: RawScores, calibration: Calibration): Float64Array {
  const { tokens } = raw.analysis;
  const n = tokens.length;
  const out = new Float64Array(n * C);
  if (n === 0) return out;
  const context = new Float64Array(n * SPAN_CONTEXT_FEATURES);
  spanContextFeatures(
    raw.span,
    raw.abuse,
    tokens.map((t) => t.sentence),
    n,
    context,
  );
  const version = calibration.version ?? 1;
  const prior = new Float64Array(SPAN_PRIOR_FEATURES);
  const given = new Float64Array(CONDUCT_CATEGORIES.length);
  for (let t = 0; t < n; t++) {
    const spanRaw = raw.span[t] ?? 0;
    for (let k = 0; k < K; k++) {
      const category = IDENTITY_CATEGORIES[k];
      if (category === undefined) continue;
      out[t * C + k] = calibrate(raw.scores[t * C + k] ?? 0, calibration.identity[category]);
    }
    if (version === 1) {
      const span = linearSigmoid(calibration.span.weights, context, t * SPAN_CONTEXT_FEATURES);
      CONDUCT_CATEGORIES.forEach((category, c) => {
        const given = spanRaw > 0 ? (raw.scores[t * C + K + c] ?? 0) / spanRaw : 0;
        out[t * C + K + c] = span * calibrate(given, calibration.conduct[category]);
      });
      continue;
    }
    // Version 2: the word's prior joins the span calibration, and the span probability is the
    // conduct score of the token's most likely conduct category (the others scaled by their
    // share of it), so a word raters would highlight is not discounted for being an insult
    // rather than certainly one kind.
    writePriorFeatures(raw.prior?.[t] ?? -1, prior, 0);
    const span = linearSigmoidWithPrior(
      calibration.span.weights,
      context,
      t * SPAN_CONTEXT_FEATURES,
      prior,
    );
    let largest = 0;
    CONDUCT_CATEGORIES.forEach((category, c) => {
      const share = spanRaw > 0 ? (raw.scores[t * C + K + c] ?? 0) / spanRaw : 0;
      given[c] = calibrate(share, calibration.conduct[category]);
      largest = Math.max(largest, given[c] ?? 0);
    });
    for (let c = 0; c < CONDUCT_CATEGORIES.length; c++)
      out[t * C + K + c] = span * (largest > 0 ? (given[c] ?? 0) / largest : 0);
  }
  return out;
}

/** The calibrated message-level probability that some category applies. */
export function anyScore(raw: RawScores, calibration: Calibration): number {
  let abuseMax = 0;
  for (let t = 0; t < raw.analysis.tokens.length; t++)
    abuseMax = Math.max(abuseMax, raw.abuse[t] ?? 0);
  return calibrate(abuseMax, calibration.any);
}

export function decode(
  raw: RawScores,
  calibration: Calibration,
  thresholds: Readonly<Record<Category, number>>,
): MessageScreening {
  return decodeCalibrated(raw, calibratedTokenScores(raw, calibration), calibration, thresholds);
}

/** `decode` with the calibrated token scores already computed (threshold searches reuse them). */
export function decodeCalibrated(
  raw: RawScores,
  calibrated: Float64Array,
  calibration: Calibration,
  thresholds: Readonly<Record<Category, number>>,
): MessageScreening {
  const { tokens, abuseForm } = raw.analysis;
  const n = tokens.length;
  const scores = {} as CategoryScores;
  const spans: ScoredSpan[] = [];
  const extend = calibration.extendOverGroupNames === true;
  const denied =
    calibration.denialBlocksIdentity === true
      ? denyingClauses(tokens, raw.analysis.negated, raw.analysis.question, raw.analysis.abuseForm)
      : null;
  const on = new Uint8Array(n);
  for (let c = 0; c < C; c++) {
    const category = CATEGORIES[c] as Category;
    const threshold = thresholds[category];
    let best = 0;
    for (let t = 0; t < n; t++) {
      const blocked = denied !== null && c < K && denied.has(tokens[t]?.clause ?? -1);
      const p = blocked ? 0 : (calibrated[t * C + c] ?? 0);
      if (p > best) best = p;
      on[t] = p >= threshold && p > 0 ? 1 : 0;
    }
    if (extend && c >= K) extendOverGroups(tokens, abuseForm, on);
    let open: ScoredSpan | null = null;
    let openSentence = -1;
    for (let t = 0; t < n; t++) {
      const token = tokens[t];
      if (token === undefined) continue;
      const blocked = denied !== null && c < K && denied.has(token.clause);
      const p = on[t] === 2 || blocked ? 0 : (calibrated[t * C + c] ?? 0);
      if (on[t] !== 0) {
        if (open !== null && openSentence === token.sentence && token.start - open.end <= MAX_GAP) {
          open.end = token.end;
          if (p > open.score) open.score = p;
        } else {
          if (open !== null) spans.push(open);
          open = { start: token.start, end: token.end, category, score: p };
          openSentence = token.sentence;
        }
      } else if (open !== null) {
        spans.push(open);
        open = null;
      }
    }
    if (open !== null) spans.push(open);
    scores[category] = best;
  }
  scores.any = anyScore(raw, calibration);
  spans.sort(
    (a, b) => a.start - b.start || CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category),
  );
  return { scores, spans };
}
