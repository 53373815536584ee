import { CATEGORIES, type Category, ChatscreenError } from '../../domain/index.js';
import type { ScreenOptions } from '../classifier.js';
import type { ModelManifest } from '../package/manifest.js';

/**
 * For a category the manifest gives no threshold for: 0.5. The categories a model does not
 * produce score 0 and never reach it.
 */
export const FALLBACK_THRESHOLD = 0.5;

export function defaultThresholds(manifest: ModelManifest): Record<Category, number> {
  return Object.fromEntries(
    CATEGORIES.map((category) => [category, manifest.thresholds[category] ?? FALLBACK_THRESHOLD]),
  ) as Record<Category, number>;
}

function checkProbability(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new ChatscreenError('invalid_option', `${what} must be a number from 0 to 1`, {
      option: '--min-score',
    });
  }
  return value;
}

/** The thresholds in force for one `screen` call: the defaults, overridden by `minScore`. */
export function thresholdsFor(
  defaults: Readonly<Record<Category, number>>,
  minScore: ScreenOptions['minScore'],
): Record<Category, number> {
  if (minScore === undefined) return { ...defaults };
  if (typeof minScore === 'number') {
    const value = checkProbability(minScore, 'minScore');
    return Object.fromEntries(CATEGORIES.map((category) => [category, value])) as Record<
      Category,
      number
    >;
  }
  const merged = { ...defaults };
  for (const category of CATEGORIES) {
    const value = minScore[category];
    if (value !== undefined) merged[category] = checkProbability(value, `minScore.${category}`);
  }
  return merged;
}
