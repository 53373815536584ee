import { describe, expect, it } from 'vitest';
import type { LabelPlan } from './labels.js';
import { rowScores } from './probabilities.js';

const columns: LabelPlan['columns'] = [[], ['insult'], ['insult'], ['religion', 'insult']];

describe('rowScores', () => {
  it('softmax: sums the labels of a category, any = everything but ignored labels', () => {
    const plan: LabelPlan = {
      task: 'token-classification',
      activation: 'softmax',
      temperature: 1,
      columns,
    };
    const scores = rowScores(new Float32Array([0, 0, 0, 0]), 0, plan);
    expect(scores.insult).toBeCloseTo(0.75, 12);
    expect(scores.religion).toBeCloseTo(0.25, 12);
    expect(scores.any).toBeCloseTo(0.75, 12);
    expect(scores.race).toBe(0);
  });

  it('sigmoid: takes the largest, with temperature scaling', () => {
    const plan: LabelPlan = {
      task: 'sequence-classification',
      activation: 'sigmoid',
      temperature: 2,
      columns,
    };
    const scores = rowScores(new Float32Array([9, 2, -2, 0, 99]), 0, plan);
    expect(scores.insult).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(scores.religion).toBe(0.5);
    expect(scores.any).toBe(scores.insult);
  });

  it('reads the row at the offset', () => {
    const plan: LabelPlan = {
      task: 'token-classification',
      activation: 'sigmoid',
      temperature: 1,
      columns: [['threat']],
    };
    expect(rowScores(new Float32Array([-50, 50]), 1, plan).threat).toBe(1);
  });
});
