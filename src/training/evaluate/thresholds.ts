import {
  CATEGORIES,
  type Category,
  CONDUCT_CATEGORIES,
  IDENTITY_CATEGORIES,
} from '../../domain/index.js';
import {
  type Calibration,
  calibratedTokenScores,
  decodeCalibrated,
} from '../../screening/span-ngram/decode.js';
import type { Scored } from '../scored.js';
import { flagged, unionSpanF1 } from './metrics.js';

/**
 * Default thresholds, chosen on held-apart data (never on the functional sets or trial):
 * - identity categories: one threshold, the best mean balanced accuracy of "an identity category
 *   is flagged" on two held-apart sets: the seed templates (hateful group mentions against
 *   neutral, positive, negated and counter-speech ones) and the calib halves of the corpora that
 *   say whether a message targets a group. Balanced, because plain accuracy on sets that are
 *   mostly hateful rewards flagging every group mention; two sets, because the seeds alone are
 *   too few and too templated to place it (span-ngram-1 used the seeds' plain accuracy);
 * - conduct categories: one shared threshold on the toxic-spans character F1 of the union of all
 *   flagged spans on the tuning slice: the highest threshold whose F1, smoothed over neighbouring
 *   grid points, is within PLATEAU of the best. F1 is flat near its peak, and every step up
 *   that flat stretch flags markedly less harmless text (span-ngram-1 took the raw maximum).
 */
const GRID = Array.from({ length: 95 }, (_, i) => Math.round((0.03 + i * 0.01) * 100) / 100);
/** F1 a higher conduct threshold may give up, against the smoothed best. */
export const PLATEAU = 0.003;
/** Conduct categories whose threshold stays at the F1 peak rather than the plateau's end. */
const SERIOUS: ReadonlySet<Category> = new Set<Category>(['threat', 'sexual_violence']);
/** Grid points either side averaged when smoothing the F1 curve. */
const SMOOTH = 2;

function balancedAccuracy(rows: readonly { score: number; hateful: boolean }[], t: number): number {
  let tp = 0;
  let pos = 0;
  let tn = 0;
  let neg = 0;
  for (const r of rows) {
    const flagged = r.score >= t && r.score > 0;
    if (r.hateful) {
      pos++;
      if (flagged) tp++;
    } else {
      neg++;
      if (!flagged) tn++;
    }
  }
  return ((pos === 0 ? 1 : tp / pos) + (neg === 0 ? 1 : tn / neg)) / 2;
}

function identityRows(
  set: readonly Scored[],
  calibration: Calibration,
  hateful: (s: Scored) => boolean | null,
): { score: number; hateful: boolean }[] {
  const zero = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const rows: { score: number; hateful: boolean }[] = [];
  for (const s of set) {
    const truth = hateful(s);
    if (truth === null) continue;
    const screening = decodeCalibrated(
      s.raw,
      calibratedTokenScores(s.raw, calibration),
      calibration,
      zero,
    );
    let score = 0;
    for (const category of IDENTITY_CATEGORIES)
      score = Math.max(score, screening.scores[category] ?? 0);
    rows.push({ score, hateful: truth });
  }
  return rows;
}

/**
 * Index of the highest (or, with 'lowest', the lowest) grid value whose smoothed curve is within
 * `plateau` of the smoothed maximum.
 */
export function plateauChoice(
  values: readonly number[],
  plateau: number,
  pick: 'highest' | 'lowest' = 'highest',
): number {
  const smoothed = values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - SMOOTH); j <= Math.min(values.length - 1, i + SMOOTH); j++) {
      sum += values[j] ?? 0;
      n++;
    }
    return sum / n;
  });
  const best = Math.max(...smoothed);
  const within = smoothed
    .map((v, i) => (v >= best - plateau - 1e-12 ? i : -1))
    .filter((i) => i >= 0);
  return (pick === 'lowest' ? within[0] : within[within.length - 1]) ?? 0;
}

export function chooseThresholds(
  calibration: Calibration,
  messageSet: readonly Scored[],
  spanSet: readonly Scored[],
  log?: (line: string) => void,
  plateau = PLATEAU,
): Record<Category, number> {
  const thresholds = Object.fromEntries(CATEGORIES.map((c) => [c, 0.5])) as Record<
    Category,
    number
  >;
  // One identity threshold (the calibration map is shared too).
  const seedRows = identityRows(
    messageSet.filter((s) => s.example.corpus === 'seeds'),
    calibration,
    (s) => {
      const targets = s.example.targets?.categories;
      return Array.isArray(targets) && targets.length > 0;
    },
  );
  const corpusRows = identityRows(
    messageSet.filter((s) => s.example.corpus !== 'seeds'),
    calibration,
    (s) => {
      const targets = s.example.targets;
      if (targets === undefined) return null;
      return targets.categories === 'named' || targets.categories.length > 0;
    },
  );
  // The seed curve is bumpy (a few hundred templated messages), so the objective is smoothed
  // over neighbouring grid points like the F1 curve below, and the peak of the smoothed curve
  // taken; unsmoothed, the choice jumped by 0.1 between trainings that differ only in their
  // held-apart slice.
  const objective = GRID.map(
    (threshold) =>
      (balancedAccuracy(seedRows, threshold) + balancedAccuracy(corpusRows, threshold)) / 2,
  );
  const identityAt = plateauChoice(objective, 0, 'lowest');
  const bestIdentity = GRID[identityAt] ?? 0.5;
  const bestScore = objective[identityAt] ?? 0;
  log?.(
    `identity threshold ${bestIdentity}: mean balanced accuracy ${bestScore.toFixed(3)} (${seedRows.length} seeds, ${corpusRows.length} corpus messages)`,
  );
  for (const category of IDENTITY_CATEGORIES) thresholds[category] = bestIdentity;
  const calibratedSpan = spanSet.map((x) => calibratedTokenScores(x.raw, calibration));
  // Conduct thresholds: one shared value on the plateau of the union F1. Per-category values
  // chased noise on a flat F1 surface (they moved by 0.2 between halves of the slice for no gain).
  const curve = GRID.map((threshold) => {
    for (const category of CONDUCT_CATEGORIES) thresholds[category] = threshold;
    return unionSpanF1(
      spanSet,
      spanSet.map((x, i) =>
        decodeCalibrated(x.raw, calibratedSpan[i] ?? new Float64Array(0), calibration, thresholds),
      ),
    );
  });
  // Threats and sexual violence keep the threshold at the smoothed F1 peak (recall first where a
  // miss matters most); insults and profanity, most of what harmless text gets flagged with,
  // take the plateau's upper end.
  const peak = GRID[plateauChoice(curve, 0)] ?? 0.5;
  const at = plateauChoice(curve, plateau);
  const best = GRID[at] ?? 0.5;
  const bestF1 = curve[at] ?? 0;
  for (const category of CONDUCT_CATEGORIES)
    thresholds[category] = SERIOUS.has(category) ? Math.min(peak, best) : best;
  log?.(
    `conduct threshold ${best} (threat, sexual_violence ${Math.min(peak, best)}): union span F1 ${bestF1.toFixed(4)} at ${best} on ${spanSet.length} posts`,
  );
  return thresholds;
}

export { flagged };
