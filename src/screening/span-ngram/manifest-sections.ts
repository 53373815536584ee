import { z } from 'zod';
import {
  CATEGORIES,
  ChatscreenError,
  CONDUCT_CATEGORIES,
  IDENTITY_CATEGORIES,
} from '../../domain/index.js';
import type { ModelManifest } from '../package/manifest.js';
import { type Platt, SPAN_CONTEXT_FEATURES, spanWeightCount } from './calibration.js';
import { featuriserConfigSchema } from './config.js';

export { SPAN_CONTEXT_FEATURES };

/**
 * The kind-specific sections of a `chatscreen-span-ngram` manifest, validated here (the shared
 * manifest schema leaves them free-form).
 */

export const plattSchema = z.object({ a: z.number(), b: z.number() });
export type { Platt };

export const spanNgramFeaturiserSchema = featuriserConfigSchema.extend({
  modelFile: z.string(),
});

const conductCategory = z.enum(CONDUCT_CATEGORIES);
const identityCategory = z.enum(IDENTITY_CATEGORIES);

export const spanNgramCalibrationSchema = z
  .object({
    method: z.literal('context-platt'),
    /**
     * Absent or 1 (span-ngram-1 and -2): span weights over the context features, conduct score =
     * span x Platt(conduct given abuse). 2 (since span-ngram-3): the span weights also read the
     * word's toxicity prior (calibration.ts SPAN_PRIOR_FEATURES; needs the package's priors), and
     * a token's conduct score is the span probability itself for its most likely conduct category,
     * scaled by Platt(c given abuse) / the largest of them for the others.
     */
    version: z.union([z.literal(1), z.literal(2)]).optional(),
    /**
     * P(token is in an abusive span) = sigmoid(weights . calibration.ts spanContextFeatures):
     * Platt scaling with the message as context, so a word is judged against the rest of its
     * message and against how abusive the message is as a whole.
     */
    span: z.object({ weights: z.array(z.number()) }),
    /** Per conduct category: Platt scaling of "given an abusive token, it is this category". */
    conduct: z.record(conductCategory, plattSchema),
    /** Per identity category: Platt scaling of the raw abuse x target score (one map, pooled). */
    identity: z.record(identityCategory, plattSchema),
    /** The message-level `any`: Platt scaling of the largest broad-abuse score in the message. */
    any: plattSchema,
    /**
     * Since span-ngram-2: a conduct span also covers a group name right next to it ("filthy
     * immigrants", raters mark the phrase); the group name never raises the span's score and is
     * never flagged on its own. Absent (span-ngram-1): spans cover flagged words only.
     */
    extendOverGroupNames: z.boolean().optional(),
    /**
     * Since span-ngram-2: no identity category is flagged in a clause that denies a negative word
     * ("Muslims are not vermin", analyse-v2.ts denyingClauses). Absent (span-ngram-1): no such rule.
     */
    denialBlocksIdentity: z.boolean().optional(),
  })
  .refine((c) => c.span.weights.length === spanWeightCount(c.version ?? 1), {
    message: 'span.weights has the wrong length for the calibration version',
    path: ['span', 'weights'],
  });

export const spanNgramLabelsSchema = z.object({
  /** The graph's output columns, in order. */
  outputs: z.array(z.enum(CATEGORIES)).length(CATEGORIES.length),
});

export interface SpanNgramSections {
  featuriser: z.infer<typeof spanNgramFeaturiserSchema>;
  calibration: z.infer<typeof spanNgramCalibrationSchema>;
  labels: z.infer<typeof spanNgramLabelsSchema>;
}

export function parseSpanNgramSections(manifest: ModelManifest): SpanNgramSections {
  const sections = z
    .object({
      featuriser: spanNgramFeaturiserSchema,
      calibration: spanNgramCalibrationSchema,
      labels: spanNgramLabelsSchema,
    })
    .safeParse(manifest);
  if (!sections.success) {
    const problems = sections.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ChatscreenError(
      'model_package_invalid',
      `manifest.json is not a valid chatscreen-span-ngram manifest (${problems})`,
    );
  }
  const outputs = sections.data.labels.outputs;
  if (outputs.some((category, i) => category !== CATEGORIES[i])) {
    throw new ChatscreenError(
      'model_package_invalid',
      'manifest.json labels.outputs must list the categories in their canonical order',
    );
  }
  return sections.data;
}
