import { z } from 'zod';

/**
 * The featuriser's shape, recorded in the manifest's `featuriser` section: a package is run with
 * exactly the settings it was trained with. Changing how features are computed bumps `version`,
 * and the runtime keeps running every earlier version exactly as it was (auditors replay old
 * runs with the package they were made with):
 *   1  span-ngram-1.
 *   2  analysis rules of version 2 (analyse-v2.ts: gendered insults at one person are not a group
 *      mention, "people with disabilities", counter-speech frames), and, when `priorsFile` is
 *      set, a word-toxicity prior feature per token (features.ts).
 */
export const FEATURISER_VERSION = 2;
export type FeaturiserVersion = 1 | 2;

export const featuriserConfigSchema = z.object({
  version: z.union([z.literal(1), z.literal(2)]),
  /** Rows of the abuse table (row 0 is padding). */
  abuseBuckets: z.number().int().min(1024),
  /** Rows of the target table (row 0 is padding). */
  targetBuckets: z.number().int().min(1024),
  /** Feature ids per token for the abuse head. */
  abuseSlots: z.number().int().min(8).max(128),
  /** Feature ids per token and identity category for the target head. */
  targetSlots: z.number().int().min(4).max(64),
  /** Character n-gram lengths. */
  charNgrams: z.array(z.number().int().min(2).max(6)).min(1),
  /** Context words on each side (0, 1 or 2) and whether to add the two word bigrams. */
  window: z.number().int().min(0).max(2),
  bigrams: z.boolean(),
  /** At most this many character n-grams per token. */
  maxCharNgrams: z.number().int().min(0),
  /** Longest message, in tokens, that is scored in one piece; longer ones are scored in windows. */
  maxTokens: z.number().int().min(16),
  /** The vocabulary file inside the package (one word per line, most frequent first). */
  vocabularyFile: z.string(),
  /**
   * Version 2 only: the word-prior file inside the package (`word<TAB>bucket` lines), read into a
   * feature that tells the model how often raters marked the word as toxic.
   */
  priorsFile: z.string().optional(),
});

export type FeaturiserConfig = z.infer<typeof featuriserConfigSchema>;

export const DEFAULT_FEATURISER: FeaturiserConfig = {
  version: FEATURISER_VERSION,
  abuseBuckets: 1 << 18,
  targetBuckets: 1 << 14,
  abuseSlots: 40,
  targetSlots: 16,
  charNgrams: [3, 4, 5],
  window: 1,
  bigrams: true,
  maxCharNgrams: 24,
  maxTokens: 256,
  vocabularyFile: 'vocabulary.txt',
  priorsFile: 'word-priors.txt',
};

/** Names of the ONNX graph's inputs and outputs: the contract between training and runtime. */
export const GRAPH = {
  abuseInput: 'abuse_features',
  targetInput: 'target_features',
  /**
   * [batch, tokens, 10] raw probabilities in CATEGORIES order: identity categories are
   * abuse x target (the broad abuse head), conduct categories are span x conduct-given-abusive.
   */
  output: 'token_scores',
  /** [batch, tokens, 1] the span head: is this token part of an abusive span (toxic-spans sense)? */
  spanOutput: 'token_span',
  /** [batch, tokens, 1] the broad abuse head: is this token abusive at all (any corpus's sense)? */
  abuseOutput: 'token_abuse',
} as const;

/**
 * Columns of the abuse table. Two abuse heads: `span` learns what raters highlight as the toxic
 * words of a post (toxic-spans data, where span precision is measured); `abuse` learns from every
 * corpus whether a token is abusive (it drives identity categories and the message-level `any`).
 * The conduct columns are conditional: given an abusive token, is it a threat, an insult...
 */
export const ABUSE_HEADS = [
  'span',
  'abuse',
  'threat',
  'sexual_violence',
  'insult',
  'profanity',
] as const;
export type AbuseHead = (typeof ABUSE_HEADS)[number];
