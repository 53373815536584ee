import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  type Category,
  IDENTITY_CATEGORIES,
  type MessageScreening,
} from '../../src/domain/index.js';
import { loadModel } from '../../src/screening/package/resolve.js';
import {
  openSpanNgramScorer,
  type SpanNgramScorer,
} from '../../src/screening/span-ngram/scorer.js';
import { FUNCTIONAL_CASES } from './cases.js';
import { SECOND_CASES } from './second/cases.js';

/**
 * The committed default model against both functional sets, at its default thresholds. A case
 * passes when "an identity category is flagged" matches "the case is hateful". The floors are
 * what span-ngram-2 achieves, rounded down, and span-ngram-3 (its network, with a new conduct
 * calibration that leaves identity flags as they were) exactly the same (both MODEL_CARD.md report
 * the figures): a retrained model that does worse on any behaviour or group fails here. The
 * second set must also clear the bar of 0.75 overall.
 */
const FLOORS = {
  overall: 0.91,
  hateful: 0.92,
  nonHateful: 0.87,
  rightCategory: 0.91,
  behaviour: {
    derogation_emotion: 0.78,
    derogation_attribute: 1,
    dehumanisation: 1,
    implicit_derogation: 0.59,
    threat_stated: 0.87,
    threat_wished: 0.81,
    slur: 0.93,
    hate_with_profanity: 1,
    pronoun_reference: 0.78,
    two_sentences: 0.96,
    negated_positive: 1,
    question: 0.96,
    opinion: 1,
    spelling_swap: 1,
    spelling_drop: 1,
    spelling_no_space: 1,
    spelling_added_spaces: 1,
    spelling_leet: 1,
    neutral_mention: 0.71,
    positive_mention: 0.71,
    negated_hate: 1,
    counter_quote: 0.9,
    counter_reference: 0.84,
    abuse_at_object: 1,
    abuse_at_individual: 1,
    abuse_at_non_protected_group: 1,
    profanity_not_hateful: 1,
    slur_homonym: 0.93,
    reclaimed_term: 1,
  } as Record<string, number>,
  group: {
    women: 0.91,
    trans: 0.9,
    gay: 0.9,
    black: 0.91,
    disabled: 0.89,
    muslims: 0.91,
    immigrants: 0.91,
    jews: 0.91,
    none: 1,
  } as Record<string, number>,
};

const SECOND_FLOORS = {
  overall: 0.84,
  hateful: 0.85,
  nonHateful: 0.81,
  behaviour: {
    derogation_emotion: 0.71,
    derogation_attribute: 1,
    dehumanisation: 0.96,
    implicit_derogation: 0.78,
    threat_stated: 0.71,
    threat_normative: 0.96,
    slur: 1,
    hate_with_profanity: 1,
    pronoun_clause: 0.85,
    pronoun_sentence: 0.75,
    negated_positive: 0.57,
    question: 0.57,
    opinion: 0.67,
    spelling_swap: 0.85,
    spelling_drop: 0.96,
    spelling_no_space: 0.96,
    spelling_added_spaces: 0.96,
    spelling_leet: 1,
    neutral_mention: 0.78,
    positive_mention: 0.89,
    negated_hate: 1,
    counter_quote: 0.64,
    counter_reference: 0.71,
    abuse_at_object: 1,
    abuse_at_individual: 1,
    abuse_at_non_protected_group: 1,
    profanity_not_hateful: 1,
    slur_homonym: 0.58,
    reclaimed_slur: 0.66,
  } as Record<string, number>,
  group: {
    women: 0.83,
    trans: 0.84,
    gay: 0.8,
    black: 0.81,
    disabled: 0.85,
    muslims: 0.88,
    immigrants: 0.8,
    none: 1,
  } as Record<string, number>,
};

const modelsDir = fileURLToPath(new URL('../../models', import.meta.url));

function identityFlagged(screening: MessageScreening | undefined): Category[] {
  return [...new Set((screening?.spans ?? []).map((s) => s.category))].filter((c) =>
    (IDENTITY_CATEGORIES as readonly string[]).includes(c),
  );
}

interface Case {
  id: string;
  behaviour: string;
  group: string;
  hateful: boolean;
}

function accuracy(cases: readonly Case[], passed: ReadonlyMap<string, boolean>): number {
  return cases.filter((c) => passed.get(c.id) === true).length / cases.length;
}

describe('functional sets on the committed default model', () => {
  let scorer: SpanNgramScorer;
  let modelId = '';
  const passed = new Map<string, boolean>();
  const rightCategory = new Map<string, boolean>();

  beforeAll(async () => {
    const pkg = await loadModel(modelsDir);
    modelId = pkg.manifest.id;
    scorer = await openSpanNgramScorer(pkg);
    const thresholds = Object.fromEntries(
      CATEGORIES.map((c) => [c, pkg.manifest.thresholds[c] ?? 0.5]),
    ) as Record<Category, number>;
    const screenings = await scorer.screen(
      FUNCTIONAL_CASES.map((c) => c.text),
      thresholds,
    );
    FUNCTIONAL_CASES.forEach((c, i) => {
      const flags = identityFlagged(screenings[i]);
      passed.set(c.id, flags.length > 0 === c.hateful);
      rightCategory.set(c.id, c.category !== undefined && flags.includes(c.category));
    });
    const second = await scorer.screen(
      SECOND_CASES.map((c) => c.text),
      thresholds,
    );
    SECOND_CASES.forEach((c, i) => {
      passed.set(c.id, identityFlagged(second[i]).length > 0 === c.hateful);
    });
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('reaches the overall, hateful and non-hateful floors', () => {
    expect(accuracy(FUNCTIONAL_CASES, passed)).toBeGreaterThanOrEqual(FLOORS.overall);
    expect(
      accuracy(
        FUNCTIONAL_CASES.filter((c) => c.hateful),
        passed,
      ),
    ).toBeGreaterThanOrEqual(FLOORS.hateful);
    expect(
      accuracy(
        FUNCTIONAL_CASES.filter((c) => !c.hateful),
        passed,
      ),
    ).toBeGreaterThanOrEqual(FLOORS.nonHateful);
    expect(
      accuracy(
        FUNCTIONAL_CASES.filter((c) => c.hateful),
        rightCategory,
      ),
    ).toBeGreaterThanOrEqual(FLOORS.rightCategory);
  });

  it('reaches every behaviour floor', () => {
    const below: string[] = [];
    for (const [behaviour, floor] of Object.entries(FLOORS.behaviour)) {
      const cases = FUNCTIONAL_CASES.filter((c) => c.behaviour === behaviour);
      expect(cases.length).toBeGreaterThan(0);
      const value = accuracy(cases, passed);
      if (value < floor) below.push(`${behaviour} ${value.toFixed(3)} < ${floor}`);
    }
    expect(below).toEqual([]);
  });

  it('reaches every group floor', () => {
    const below: string[] = [];
    for (const [group, floor] of Object.entries(FLOORS.group)) {
      const value = accuracy(
        FUNCTIONAL_CASES.filter((c) => c.group === group),
        passed,
      );
      if (value < floor) below.push(`${group} ${value.toFixed(3)} < ${floor}`);
    }
    expect(below).toEqual([]);
  });

  it('reaches the second set floors and the bar of 0.75 overall', () => {
    expect(accuracy(SECOND_CASES, passed)).toBeGreaterThanOrEqual(0.75);
    expect(accuracy(SECOND_CASES, passed)).toBeGreaterThanOrEqual(SECOND_FLOORS.overall);
    expect(
      accuracy(
        SECOND_CASES.filter((c) => c.hateful),
        passed,
      ),
    ).toBeGreaterThanOrEqual(SECOND_FLOORS.hateful);
    expect(
      accuracy(
        SECOND_CASES.filter((c) => !c.hateful),
        passed,
      ),
    ).toBeGreaterThanOrEqual(SECOND_FLOORS.nonHateful);
    const below: string[] = [];
    for (const [behaviour, floor] of Object.entries(SECOND_FLOORS.behaviour)) {
      const cases = SECOND_CASES.filter((c) => c.behaviour === behaviour);
      expect(cases.length).toBeGreaterThan(0);
      const value = accuracy(cases, passed);
      if (value < floor) below.push(`${behaviour} ${value.toFixed(3)} < ${floor}`);
    }
    for (const [group, floor] of Object.entries(SECOND_FLOORS.group)) {
      const value = accuracy(
        SECOND_CASES.filter((c) => c.group === group),
        passed,
      );
      if (value < floor) below.push(`${group} ${value.toFixed(3)} < ${floor}`);
    }
    expect(below).toEqual([]);
  });

  it('agrees with the figures the model card reports (same model, same decoding)', () => {
    const evalJson = JSON.parse(readFileSync(`${modelsDir}/${modelId}/eval.json`, 'utf8')) as {
      functional: { overall: { accuracy: number } };
      functionalSecond: { overall: { accuracy: number } } | null;
    };
    expect(accuracy(FUNCTIONAL_CASES, passed)).toBeCloseTo(
      evalJson.functional.overall.accuracy,
      10,
    );
    expect(accuracy(SECOND_CASES, passed)).toBeCloseTo(
      evalJson.functionalSecond?.overall.accuracy ?? -1,
      10,
    );
  });
});
