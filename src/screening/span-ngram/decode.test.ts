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
