import {
  CATEGORIES,
  type Category,
  CONDUCT_CATEGORIES,
  IDENTITY_CATEGORIES,
  type MessageScreening,
} from '../../domain/index.js';
import type { Calibration } from '../../screening/span-ngram/decode.js';
import { decode } from '../../screening/span-ngram/decode.js';
import { tokenLabels } from '../compile.js';
import type { Scored } from '../scored.js';
import { expectedCalibrationError, type ReliabilityBin, reliability } from './calibration-error.js';
import { charSet, meanSpanF1 } from './span-f1.js';

/** Measurements on held-apart data, all through the runtime's own decoding. */

export function decodeAll(
  scored: readonly Scored[],
  calibration: Calibration,
  thresholds: Readonly<Record<Category, number>>,
): MessageScreening[] {
  return scored.map((s) => decode(s.raw, calibration, thresholds));
}

/** SemEval character F1 of the union of every flagged span. */
export function unionSpanF1(
  scored: readonly Scored[],
  screenings: readonly MessageScreening[],
): number {
  return meanSpanF1(
    scored.map((s, i) => ({
      predicted: charSet(screenings[i]?.spans ?? []),
      gold: charSet(s.example.spans ?? []),
    })),
  );
}

/** The message-level truth for a category, where the corpus says it: 1, 0 or undefined. */
export function messageTruth(s: Scored, category: Category): 0 | 1 | undefined {
  const e = s.example;
  if ((IDENTITY_CATEGORIES as readonly string[]).includes(category)) {
    const targets = e.targets;
    if (targets === undefined) return undefined;
    if (targets.categories === 'named') {
      const k = IDENTITY_CATEGORIES.indexOf(category as (typeof IDENTITY_CATEGORIES)[number]);
      const mentioned = s.raw.analysis.categoriesMentioned;
      if (mentioned === 0 || (mentioned & (mentioned - 1)) !== 0) return undefined;
      return mentioned === 1 << k ? 1 : 0;
    }
    return targets.categories.includes(category as (typeof IDENTITY_CATEGORIES)[number]) ? 1 : 0;
  }
  const value = e.message[category as (typeof CONDUCT_CATEGORIES)[number]];
  return value;
}

export function flagged(screening: MessageScreening | undefined, category: Category): boolean {
  return screening?.spans.some((span) => span.category === category) ?? false;
}

export interface Counts {
  n: number;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function counts(pairs: readonly { predicted: boolean; truth: 0 | 1 }[]): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    if (p.predicted && p.truth === 1) tp++;
    else if (p.predicted) fp++;
    else if (p.truth === 1) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: pairs.length, positives: tp + fn, tp, fp, fn, precision, recall, f1 };
}

/** Per corpus and category, message-level counts where the corpus has a label. */
export function perCorpusCategory(
  scored: readonly Scored[],
  screenings: readonly MessageScreening[],
): Record<string, Partial<Record<Category | 'any', Counts>>> {
  const out: Record<string, Partial<Record<Category | 'any', Counts>>> = {};
  const corpora = [...new Set(scored.map((s) => s.example.corpus))].sort();
  for (const corpus of corpora) {
    const rows = scored
      .map((s, i) => ({ s, screening: screenings[i] }))
      .filter((r) => r.s.example.corpus === corpus);
    const entry: Partial<Record<Category | 'any', Counts>> = {};
    for (const category of CATEGORIES) {
      const pairs: { predicted: boolean; truth: 0 | 1 }[] = [];
      for (const r of rows) {
        const truth = messageTruth(r.s, category);
        if (truth !== undefined) pairs.push({ predicted: flagged(r.screening, category), truth });
      }
      if (pairs.some((p) => p.truth === 1)) entry[category] = counts(pairs);
    }
    const anyPairs = rows
      .filter((r) => r.s.example.any !== undefined)
      .map((r) => ({
        predicted: (r.screening?.spans.length ?? 0) > 0,
        truth: r.s.example.any as 0 | 1,
      }));
    if (anyPairs.length > 0) entry.any = counts(anyPairs);
    out[corpus] = entry;
  }
  return out;
}

export interface AnyCalibration {
  n: number;
  ece: number;
  bins: ReliabilityBin[];
  perCorpus: Record<string, { n: number; ece: number }>;
}

export function anyCalibration(
  scored: readonly Scored[],
  screenings: readonly MessageScreening[],
  corpora: ReadonlySet<string>,
): AnyCalibration {
  const p: number[] = [];
  const y: (0 | 1)[] = [];
  const byCorpus = new Map<string, { p: number[]; y: (0 | 1)[] }>();
  scored.forEach((s, i) => {
    const truth = s.example.any;
    if (truth === undefined || !corpora.has(s.example.corpus)) return;
    const prob = screenings[i]?.scores.any ?? 0;
    p.push(prob);
    y.push(truth);
    let entry = byCorpus.get(s.example.corpus);
    if (entry === undefined) {
      entry = { p: [], y: [] };
      byCorpus.set(s.example.corpus, entry);
    }
    entry.p.push(prob);
    entry.y.push(truth);
  });
  const perCorpus: AnyCalibration['perCorpus'] = {};
  for (const [corpus, entry] of [...byCorpus.entries()].sort())
    perCorpus[corpus] = { n: entry.p.length, ece: expectedCalibrationError(entry.p, entry.y) };
  return {
    n: p.length,
    ece: expectedCalibrationError(p, y),
    bins: reliability(p, y).filter((b) => b.count > 0),
    perCorpus,
  };
}

/**
 * Toxic spans, token level, per conduct category: flagged = inside a flagged span of the
 * category; positive = the raters' majority type for a gold token (compile.ts tokenLabels).
 */
export function typedTokenCounts(
  scored: readonly Scored[],
  screenings: readonly MessageScreening[],
): Partial<Record<Category, Counts>> {
  const out: Partial<Record<Category, Counts>> = {};
  CONDUCT_CATEGORIES.forEach((category, c) => {
    const pairs: { predicted: boolean; truth: 0 | 1 }[] = [];
    scored.forEach((s, i) => {
      const labels = tokenLabels(s.example, s.raw.analysis);
      const spans = (screenings[i]?.spans ?? []).filter((span) => span.category === category);
      s.raw.analysis.tokens.forEach((token, t) => {
        const label = labels.tokenConduct[t * 4 + c] ?? -1;
        // Gold tokens with no rater type are left out; tokens outside gold are negatives.
        if (label < 0 && (labels.tokenAbuse[t] ?? -1) > 0) return;
        const predicted = spans.some((span) => span.start <= token.start && token.end <= span.end);
        pairs.push({ predicted, truth: label === 1 ? 1 : 0 });
      });
    });
    out[category] = counts(pairs);
  });
  return out;
}
