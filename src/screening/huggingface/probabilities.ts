import { CATEGORIES, type CategoryScores } from '../../domain/index.js';
import type { LabelPlan } from './labels.js';

/** A literal rather than built from CATEGORIES: this runs for every token and must be cheap. */
export function zeroScores(): CategoryScores {
  return {
    race: 0,
    religion: 0,
    sex: 0,
    sexual_orientation: 0,
    gender_identity: 0,
    disability: 0,
    threat: 0,
    sexual_violence: 0,
    insult: 0,
    profanity: 0,
    any: 0,
  };
}

/**
 * Category probabilities for one row of logits (a token, or a whole message). With softmax the
 * labels are exclusive, so a category's probability is the sum over its labels (B-x and I-x both
 * mean x) and `any` the sum over every mapped label; with sigmoid they are independent, so both
 * take the largest. Computed in doubles, in column order: the same logits always give the same
 * bits.
 */
export function rowScores(logits: Float32Array, offset: number, plan: LabelPlan): CategoryScores {
  const width = plan.columns.length;
  const probabilities = new Float64Array(width);
  if (plan.activation === 'softmax') {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < width; j++)
      max = Math.max(max, (logits[offset + j] ?? 0) / plan.temperature);
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const e = Math.exp((logits[offset + j] ?? 0) / plan.temperature - max);
      probabilities[j] = e;
      sum += e;
    }
    for (let j = 0; j < width; j++) probabilities[j] = (probabilities[j] ?? 0) / sum;
  } else {
    for (let j = 0; j < width; j++) {
      probabilities[j] = 1 / (1 + Math.exp(-(logits[offset + j] ?? 0) / plan.temperature));
    }
  }
  const scores = zeroScores();
  const combine =
    plan.activation === 'softmax'
      ? (a: number, b: number) => Math.min(1, a + b)
      : (a: number, b: number) => Math.max(a, b);
  for (let j = 0; j < width; j++) {
    const categories = plan.columns[j] ?? [];
    if (categories.length === 0) continue;
    const p = probabilities[j] ?? 0;
    for (const category of categories) scores[category] = combine(scores[category], p);
    scores.any = combine(scores.any, p);
  }
  return scores;
}

/** Element-wise maximum, for message scores over tokens or over parts of a long message. */
export function maxScores(into: CategoryScores, other: CategoryScores): void {
  for (const category of CATEGORIES) into[category] = Math.max(into[category], other[category]);
  into.any = Math.max(into.any, other.any);
}
