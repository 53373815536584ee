import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATEGORIES } from '../domain/index.js';
import { type ModelManifest, manifestSchema } from '../screening/package/manifest.js';
import { DEFAULT_MODEL_POINTER } from '../screening/package/resolve.js';
import type { FeaturiserConfig } from '../screening/span-ngram/config.js';
import { parseSpanNgramSections } from '../screening/span-ngram/manifest-sections.js';
import type { TrainOptions } from './model/trainer.js';
import type { PipelineResult } from './pipeline.js';
import { priorsText } from './priors.js';

/**
 * Writes models/<id>/: model.onnx, vocabulary.txt, MODEL_CARD.md, eval.json and manifest.json,
 * which lists every other file's SHA-256 and size (the package identity is the SHA-256 of
 * manifest.json itself). The manifest is checked against both schemas before it is written.
 */
export const MODEL_FILE = 'model.onnx';
export const PACKAGE_FILES = [
  MODEL_FILE,
  'vocabulary.txt',
  'word-priors.txt',
  'MODEL_CARD.md',
  'eval.json',
  'manifest.json',
];

export interface PackageInput {
  modelsDir: string;
  id: string;
  version: string;
  created: Date;
  featuriser: FeaturiserConfig;
  train: TrainOptions;
  result: PipelineResult;
  modelCard: string;
  evalJson: unknown;
  setDefault: boolean;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The manifest's featuriser section: no priors file is named when the run made none. */
function featuriserSection(input: PackageInput): Record<string, unknown> {
  const { priorsFile, ...rest } = input.featuriser;
  return input.result.priors === null || priorsFile === undefined
    ? { ...rest, modelFile: MODEL_FILE }
    : { ...rest, priorsFile, modelFile: MODEL_FILE };
}

export function buildManifest(input: PackageInput, files: ModelManifest['files']): ModelManifest {
  const { result } = input;
  const report = result.report;
  return manifestSchema.parse({
    schemaVersion: 1,
    id: input.id,
    version: input.version,
    created: input.created.toISOString(),
    kind: 'chatscreen-span-ngram',
    description:
      'Hashed word and character n-gram token model: a span head and a broad abuse head (identity words masked), conduct heads given abuse, and a target head per protected group; context-Platt calibrated. Triage for human review only.',
    categories: [...CATEGORIES],
    thresholds: result.thresholds,
    files,
    featuriser: featuriserSection(input),
    calibration: result.calibration,
    labels: { outputs: [...CATEGORIES] },
    training: {
      seed: input.train.seed,
      options: { ...input.train, log: undefined },
      corpora: result.corpora,
      vocabularyWords: result.vocabulary.length,
      trainingTokens: result.tokens,
      seconds: result.seconds,
      node: process.version,
    },
    metrics: {
      spanF1: report.spanF1,
      anyExpectedCalibrationError: report.any.heldOut.ece,
      anyExamples: report.any.heldOut.n,
      functionalAccuracy: report.functional?.overall.accuracy ?? null,
      functionalCases: report.functional?.overall.n ?? 0,
    },
  });
}

export async function writePackage(
  input: PackageInput,
): Promise<{ dir: string; manifestSha256: string }> {
  const dir = join(input.modelsDir, input.id);
  await mkdir(dir, { recursive: true });
  // A previous package of the same id: its files are replaced, anything else is refused (the
  // loader rejects files the manifest does not list, and we will not delete what we did not write).
  const existing = await readdir(dir);
  const foreign = existing.filter((name) => !PACKAGE_FILES.includes(name));
  if (foreign.length > 0)
    throw new Error(`${dir} holds files a package does not: ${foreign.join(', ')}`);
  for (const name of existing) await rm(join(dir, name));
  const contents: Record<string, Uint8Array> = {
    [MODEL_FILE]: input.result.onnx,
    'vocabulary.txt': new TextEncoder().encode(`${input.result.vocabulary.join('\n')}\n`),
    ...(input.result.priors === null || input.featuriser.priorsFile === undefined
      ? {}
      : {
          [input.featuriser.priorsFile]: new TextEncoder().encode(priorsText(input.result.priors)),
        }),
    'MODEL_CARD.md': new TextEncoder().encode(input.modelCard),
    'eval.json': new TextEncoder().encode(`${JSON.stringify(input.evalJson, null, 2)}\n`),
  };
  const files: ModelManifest['files'] = {};
  for (const [name, bytes] of Object.entries(contents)) {
    await writeFile(join(dir, name), bytes);
    files[name] = { sha256: sha256(bytes), bytes: bytes.length };
  }
  const manifest = buildManifest(input, files);
  parseSpanNgramSections(manifest);
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  await writeFile(join(dir, 'manifest.json'), manifestBytes);
  if (input.setDefault)
    await writeFile(join(input.modelsDir, DEFAULT_MODEL_POINTER), `${input.id}\n`);
  return { dir, manifestSha256: sha256(manifestBytes) };
}
