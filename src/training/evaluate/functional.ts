import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IDENTITY_CATEGORIES, type MessageScreening } from '../../domain/index.js';

/**
 * Scores the functional suite (test/functional/cases.jsonl, generated from cases.ts): a case
 * counts as "hateful" when some identity category is flagged at the default thresholds.
 */
export const functionalCaseSchema = z.object({
  id: z.string(),
  behaviour: z.string(),
  group: z.string(),
  text: z.string(),
  hateful: z.boolean(),
  category: z.enum(IDENTITY_CATEGORIES).optional(),
});
export type FunctionalCaseRecord = z.infer<typeof functionalCaseSchema>;

export function readFunctionalCases(path: string): FunctionalCaseRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => functionalCaseSchema.parse(JSON.parse(line)));
}

export interface Accuracy {
  n: number;
  correct: number;
  accuracy: number;
}

export interface FunctionalResults {
  overall: Accuracy;
  hateful: Accuracy;
  nonHateful: Accuracy;
  /** Hateful cases flagged with the group's own category. */
  rightCategory: Accuracy;
  byBehaviour: Record<string, Accuracy & { hateful: boolean }>;
  byGroup: Record<string, Accuracy>;
  failures: { id: string; text: string; flagged: string[] }[];
}

function tally(): { n: number; correct: number } {
  return { n: 0, correct: 0 };
}

function finish(t: { n: number; correct: number }): Accuracy {
  return { n: t.n, correct: t.correct, accuracy: t.n === 0 ? 0 : t.correct / t.n };
}

export function identityFlags(screening: MessageScreening | undefined): string[] {
  const set = new Set<string>();
  for (const span of screening?.spans ?? []) {
    if ((IDENTITY_CATEGORIES as readonly string[]).includes(span.category)) set.add(span.category);
  }
  return [...set].sort();
}

export function functionalResults(
  cases: readonly FunctionalCaseRecord[],
  screenings: readonly MessageScreening[],
): FunctionalResults {
  const overall = tally();
  const hateful = tally();
  const nonHateful = tally();
  const rightCategory = tally();
  const byBehaviour = new Map<string, { n: number; correct: number; hateful: boolean }>();
  const byGroup = new Map<string, { n: number; correct: number }>();
  const failures: FunctionalResults['failures'] = [];
  cases.forEach((c, i) => {
    const flags = identityFlags(screenings[i]);
    const correct = flags.length > 0 === c.hateful;
    for (const t of [overall, c.hateful ? hateful : nonHateful]) {
      t.n++;
      if (correct) t.correct++;
    }
    if (c.hateful) {
      rightCategory.n++;
      if (c.category !== undefined && flags.includes(c.category)) rightCategory.correct++;
    }
    const b = byBehaviour.get(c.behaviour) ?? { n: 0, correct: 0, hateful: c.hateful };
    b.n++;
    if (correct) b.correct++;
    byBehaviour.set(c.behaviour, b);
    const g = byGroup.get(c.group) ?? tally();
    g.n++;
    if (correct) g.correct++;
    byGroup.set(c.group, g);
    if (!correct) failures.push({ id: c.id, text: c.text, flagged: flags });
  });
  return {
    overall: finish(overall),
    hateful: finish(hateful),
    nonHateful: finish(nonHateful),
    rightCategory: finish(rightCategory),
    byBehaviour: Object.fromEntries(
      [...byBehaviour.entries()].map(([k, v]) => [k, { ...finish(v), hateful: v.hateful }]),
    ),
    byGroup: Object.fromEntries([...byGroup.entries()].sort().map(([k, v]) => [k, finish(v)])),
    failures,
  };
}
