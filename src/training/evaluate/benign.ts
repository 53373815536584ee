import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  CATEGORIES,
  type Category,
  isIdentityCategory,
  type MessageScreening,
} from '../../domain/index.js';
import type { Example } from '../corpora/types.js';

/**
 * How often harmless text gets flagged: the false-positive load reviewers carry. Measured on the
 * messages each corpus labels not abusive (Davidson "neither", HateXplain "normal", EDOS "not
 * sexist") and on the project's own benign chat set (test/functional/benign).
 */
export interface FlagRate {
  n: number;
  /** Share of messages with at least one flag of any category. */
  anyFlag: number;
  /** Share with at least one identity flag. */
  identityFlag: number;
  /** Per category: messages with at least one flag of it. */
  byCategory: Partial<Record<Category, number>>;
  /** A few flagged texts with what was flagged (for the model card's examples). */
  examples: { text: string; flags: string[] }[];
}

export const BENIGN_SOURCES = ['davidson', 'hatexplain', 'edos', 'chat'] as const;
export type BenignSource = (typeof BENIGN_SOURCES)[number];

/** Which held-apart corpus example is benign (labelled not abusive / not sexist), by source. */
export function benignSource(e: Example): BenignSource | null {
  if (e.corpus === 'davidson' && e.any === 0) return 'davidson';
  if (e.corpus === 'hatexplain' && e.any === 0) return 'hatexplain';
  if (e.corpus === 'edos' && e.any === undefined) return 'edos';
  return null;
}

export function flagRate(
  texts: readonly string[],
  screenings: readonly MessageScreening[],
  keepExamples = 8,
): FlagRate {
  let any = 0;
  let identity = 0;
  const byCategory: Partial<Record<Category, number>> = {};
  const examples: FlagRate['examples'] = [];
  screenings.forEach((s, i) => {
    if (s.spans.length === 0) return;
    any++;
    if (s.spans.some((span) => isIdentityCategory(span.category))) identity++;
    const seen = new Set<Category>(s.spans.map((span) => span.category));
    for (const c of seen) byCategory[c] = (byCategory[c] ?? 0) + 1;
    if (examples.length < keepExamples) {
      const text = texts[i] ?? '';
      examples.push({
        text,
        flags: s.spans.map((span) => `${text.slice(span.start, span.end)}:${span.category}`),
      });
    }
  });
  const n = screenings.length;
  const share = (k: number): number => (n === 0 ? 0 : k / n);
  return {
    n,
    anyFlag: share(any),
    identityFlag: share(identity),
    byCategory: Object.fromEntries(
      CATEGORIES.filter((c) => byCategory[c] !== undefined).map((c) => [
        c,
        share(byCategory[c] ?? 0),
      ]),
    ),
    examples,
  };
}

const benignLine = z.object({ id: z.string(), text: z.string() });

export function readBenignChat(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => benignLine.parse(JSON.parse(line)).text);
}
