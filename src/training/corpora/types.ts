import {
  CONDUCT_CATEGORIES,
  type ConductCategory,
  IDENTITY_CATEGORIES,
  type IdentityCategory,
} from '../../domain/index.js';

/**
 * What the trainer learns from. Heads are the model's outputs: `abuse` (is this token abusive at
 * all?), the four conduct categories (given it is abusive, which kind?), and the six identity
 * categories (given it is abusive, is it aimed at that protected group?).
 */
export const HEADS = ['abuse', ...CONDUCT_CATEGORIES, ...IDENTITY_CATEGORIES] as const;
export type Head = (typeof HEADS)[number];
export type ConductHead = ConductCategory;
export const CONDUCT_HEADS: readonly ConductHead[] = CONDUCT_CATEGORIES;

export type Labels = Partial<Record<Head, 0 | 1>>;

export const CORPORA = [
  'toxic_spans',
  'hatexplain',
  'edos',
  'online_misogyny',
  'davidson',
  'mlma',
  'toxigen',
  'seeds',
] as const;
export type CorpusName = (typeof CORPORA)[number];

/**
 * train: learnt from. tune: held apart for thresholds and span-score calibration. calib: held
 * apart for message-level calibration. eval: held apart, only ever measured. trial: the
 * toxic-spans trial set, reported once per release.
 */
export type Split = 'train' | 'tune' | 'calib' | 'eval' | 'trial';

export interface LabelledSpan {
  start: number;
  end: number;
  labels: Labels;
  /**
   * Raters typed the span an identity-based attack ('attack') or something else ('other'): the
   * target category then comes from the groups the message names (when it names exactly one).
   */
  identity?: 'attack' | 'other';
}

export interface Example {
  id: string;
  corpus: CorpusName;
  split: Split;
  text: string;
  /** Relative weight of this example in the loss. */
  weight: number;
  /**
   * Weight of its span labels for the span head (0 or absent: not used). The span head learns
   * what raters highlight in toxic-spans data; other corpora's broader rationales would blur it.
   */
  spanWeight?: number;
  /** Abusive character spans (UTF-16, end exclusive) with what they are. */
  spans: LabelledSpan[] | null;
  /** Every token outside `spans` is known not to be abusive. */
  spansComplete: boolean;
  /** Message-level labels, learnt through the most telling token (multiple-instance). */
  message: Labels;
  /**
   * Which protected groups the message targets, when the corpus says: a list (empty = none), or
   * 'named' = whichever group the message names, when it names exactly one. Categories the
   * message names but that are not listed are negatives. `weight` scales these labels.
   */
  targets?: { categories: readonly IdentityCategory[] | 'named'; weight: number };
  /** Whether some category applies to the message at all, where the corpus says so. */
  any?: 0 | 1;
  /**
   * Per UTF-16 character, the share of raters who marked it abusive (span corpora with per-rater
   * data). Token abuse targets blend this with the gold label: words half the raters marked are
   * not the same as words nobody marked.
   */
  votes?: Float32Array;
  /** Label sexual_violence on abusive tokens from the sexual-violence word list (span corpora). */
  sexualViolenceFromWords?: boolean;
}

/**
 * Span-head weight of clean messages (every token not abusive): the span head learns from
 * toxic-spans posts, all of them abusive, and needs harmless text to learn what a harmless
 * message's words look like.
 */
export const CLEAN_SPAN_WEIGHT = 0.3;
