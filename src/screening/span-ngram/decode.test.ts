import { describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../../domain/index.js';
import { analyse } from './analyse.js';
import { type Calibration, decode } from './decode.js';
import type { RawScores } from './engine.js';
import { Normaliser, Vocabulary } from './text/normalise.js';

const platt = { a: 1, b: 0 };
const calibration = (extend: boolean, deny = false): Calibration => ({
  method: 'context-platt',
  // P(span) = sigmoid(logit(raw span)): the raw span score passes through unchanged.
  span: { weights: [1, 0, 0, 0, 0, 0, 0] },
  conduct: { threat: platt, sexual_violence: platt, insult: platt, profanity: platt },
  identity: {
    race: platt,
    religion: platt,
    sex: platt,
    sexual_orientation: platt,
    gender_identity: platt,
    disability: platt,
  },
  any: platt,
  ...(extend ? { extendOverGroupNames: true } : {}),
  ...(deny ? { denialBlocksIdentity: true } : {}),
});
const thresholds = Object.fromEntries(CATEGORIES.map((c) => [c, 0.5])) as Record<Category, number>;
const insult = CATEGORIES.indexOf('insult');

const religion = CATEGORIES.indexOf('religion');

/** Raw scores where only the words in `abusive` are insults (span 0.9, insult given 1). */
function raw(text: string, abusive: readonly string[]): RawScores {
  const analysis = analyse(new Normaliser(new Vocabulary([])), text, 2);
  const n = analysis.tokens.length;
  const scores = new Float32Array(n * CATEGORIES.length);
  const span = new Float32Array(n).fill(0.01);
  analysis.tokens.forEach((t, i) => {
    if (!abusive.includes(t.form)) return;
    span[i] = 0.9;
    scores[i * CATEGORIES.length + insult] = 0.9;
    scores[i * CATEGORIES.length + religion] = 0.9;
  });
  return { analysis, scores, span, abuse: new Float32Array(n) };
}

describe('decode', () => {
  it('extends a conduct span over an adjacent group name when the package says so', () => {
    const text = 'those filthy immigrants again';
    const spans = (extend: boolean) =>
      decode(raw(text, ['filthy']), calibration(extend), thresholds)
        .spans.filter((s) => s.category === 'insult')
        .map((s) => text.slice(s.start, s.end));
    expect(spans(false)).toEqual(['filthy']);
    expect(spans(true)).toEqual(['filthy immigrants']);
  });

  it('never flags a group name on its own, nor across a sentence break', () => {
    const text = 'Immigrants. Filthy weather today';
    const screening = decode(raw(text, ['filthy']), calibration(true), thresholds);
    const insults = screening.spans.filter((s) => s.category === 'insult');
    expect(insults.map((s) => text.slice(s.start, s.end))).toEqual(['Filthy']);
  });

  it('flags no identity category in a clause that denies an insult, unless it asks', () => {
    const identity = (text: string, deny: boolean) =>
      decode(raw(text, ['vermin']), calibration(false, deny), thresholds).spans.some(
        (s) => s.category === 'religion',
      );
    expect(identity('Muslims are vermin', true)).toBe(true);
    expect(identity('Muslims are not vermin', false)).toBe(true);
    expect(identity('Muslims are not vermin', true)).toBe(false);
    expect(identity("Aren't Muslims vermin?", true)).toBe(true);
  });
});

describe('calibration version 2', () => {
  const threat = CATEGORIES.indexOf('threat');
  const profanity = CATEGORIES.indexOf('profanity');
  /** One word "idiot": span 0.9, given abuse insult 0.6, threat 0.3, profanity 0.15. */
  function scored(prior: number): RawScores {
    const analysis = analyse(new Normaliser(new Vocabulary([])), 'idiot', 2);
    const scores = new Float32Array(CATEGORIES.length);
    scores[insult] = 0.9 * 0.6;
    scores[threat] = 0.9 * 0.3;
    scores[profanity] = 0.9 * 0.15;
    return {
      analysis,
      scores,
      span: Float32Array.of(0.9),
      abuse: new Float32Array(1),
      prior: Int8Array.of(prior),
    };
  }
  const zero = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const v1 = calibration(false);
  const v2 = (priorWeight: number): Calibration => ({
    ...calibration(false),
    version: 2,
    span: { weights: [1, 0, 0, 0, 0, 0, 0, priorWeight, 0] },
  });

  it('gives the most likely conduct kind the span probability and the others their share', () => {
    const s1 = decode(scored(-1), v1, zero).scores;
    const s2 = decode(scored(-1), v2(0), zero).scores;
    expect(s1.insult).toBeCloseTo(0.9 * 0.6, 5);
    expect(s2.insult).toBeCloseTo(0.9, 5);
    expect(s2.threat).toBeCloseTo(0.9 * 0.5, 5);
    expect(s2.profanity).toBeCloseTo(0.9 * 0.25, 5);
  });

  it("reads the word's prior bucket only when the word has one", () => {
    const logit = Math.log(0.9 / 0.1);
    const expected = 1 / (1 + Math.exp(-(logit + 7 / 7)));
    expect(decode(scored(7), v2(1), zero).scores.insult).toBeCloseTo(expected, 6);
    expect(decode(scored(-1), v2(1), zero).scores.insult).toBeCloseTo(0.9, 6);
    // Version 1 never reads it.
    expect(decode(scored(7), v1, zero).scores.insult).toBeCloseTo(0.9 * 0.6, 5);
  });
});
