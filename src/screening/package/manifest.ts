import { z } from 'zod';
import { CATEGORIES } from '../../domain/index.js';

/**
 * manifest.json of a model package (models/<id>/). The manifest pins the SHA-256 of every other
 * file in the package; the package's identity (`ModelRef.sha256`) is the SHA-256 of the manifest
 * bytes themselves, so one hash travels with every flag and pins everything.
 *
 * Kind-specific sections (`featuriser`, `calibration`, `labels`) are validated by the module that
 * implements that kind; here they only have to be objects.
 */
export const MODEL_KINDS = ['chatscreen-span-ngram', 'huggingface'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

const categorySchema = z.enum(CATEGORIES);
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

export const manifestSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lowercase letters, digits, . _ -'),
  version: z.string().min(1),
  created: z.iso.datetime(),
  kind: z.enum(MODEL_KINDS),
  description: z.string().default(''),
  categories: z.array(categorySchema).min(1),
  thresholds: z.partialRecord(categorySchema, z.number().min(0).max(1)),
  /** Relative path inside the package -> its SHA-256 and size. Must list every file but manifest.json. */
  files: z.record(
    z.string(),
    z.object({ sha256: sha256Schema, bytes: z.number().int().nonnegative() }),
  ),
  featuriser: z.record(z.string(), z.unknown()).default({}),
  calibration: z.record(z.string(), z.unknown()).default({}),
  labels: z.record(z.string(), z.unknown()).default({}),
  training: z.record(z.string(), z.unknown()).default({}),
  metrics: z.record(z.string(), z.unknown()).default({}),
});

export type ModelManifest = z.infer<typeof manifestSchema>;
