import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_FEATURISER, type FeaturiserConfig } from '../screening/span-ngram/config.js';
import type { CorpusName } from './corpora/types.js';
import { PLATEAU } from './evaluate/thresholds.js';
import { measurePackage, REPOSITORY_FILES } from './measure-package.js';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './model/trainer.js';
import { type Previous, renderModelCard } from './model-card.js';
import { writePackage } from './package.js';
import { runPipeline } from './pipeline.js';

/** `chatscreen train`: the pipeline, then the package with its card and evaluation. */
export interface TrainingRunOptions {
  datasets: string;
  modelsDir: string;
  id: string;
  version: string;
  seed: number;
  epochs?: number;
  abuseBucketsLog2?: number;
  corpora?: readonly CorpusName[];
  functionalCases: string | null;
  functionalSecondCases?: string | null;
  benignChat?: string | null;
  setDefault: boolean;
  /**
   * An installed package to measure the same way and compare with in the model card and
   * eval.json (the previous release), or null.
   */
  compareWith?: string | null;
  /**
   * Held-apart toxic-spans slices to measure span F1 on (default 1): slice 0 is the shipped
   * model's; each further slice trains a measurement-only model that holds apart another 15% of
   * toxic-spans train, so the held-apart estimate rests on that many times more posts.
   */
  measureSlices?: number;
  /** Calibration version (calibration-fit.ts; default 1) and the conduct threshold's plateau. */
  calibrationVersion?: 1 | 2;
  plateau?: number;
  now: () => Date;
  log: (line: string) => void;
}

export interface TrainingRunResult {
  dir: string;
  manifestSha256: string;
  spanF1Trial: number;
  spanF1HeldOut: number;
  /** Pooled over every measured held-apart slice. */
  spanF1HeldOutSlices: number;
  anyEce: number;
  functionalAccuracy: number | null;
  seconds: number;
}

export async function runTraining(options: TrainingRunOptions): Promise<TrainingRunResult> {
  const featuriser: FeaturiserConfig = {
    ...DEFAULT_FEATURISER,
    ...(options.abuseBucketsLog2 === undefined
      ? {}
      : { abuseBuckets: 2 ** options.abuseBucketsLog2 }),
  };
  const train: TrainOptions = {
    ...DEFAULT_TRAIN_OPTIONS,
    seed: options.seed,
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
  };
  const recipe = {
    ...(options.calibrationVersion === undefined
      ? {}
      : { calibrationVersion: options.calibrationVersion }),
    ...(options.plateau === undefined ? {} : { plateau: options.plateau }),
  };
  const result = await runPipeline({
    datasets: options.datasets,
    featuriser,
    train,
    ...recipe,
    ...(options.corpora === undefined ? {} : { corpora: options.corpora }),
    functionalCases: options.functionalCases,
    functionalSecondCases: options.functionalSecondCases ?? null,
    benignChat: options.benignChat ?? null,
    log: options.log,
  });
  const slices = [
    {
      slice: 0,
      crossFitted: result.report.spanF1.tuneCrossFitted,
      posts: result.report.spanF1.tunePosts,
    },
  ];
  for (let slice = 1; slice < (options.measureSlices ?? 1); slice++) {
    options.log(`measuring span F1 on held-apart slice ${slice}`);
    const extra = await runPipeline({
      datasets: options.datasets,
      featuriser,
      train,
      ...recipe,
      tuneSlice: slice,
      ...(options.corpora === undefined ? {} : { corpora: options.corpora }),
      functionalCases: null,
      log: options.log,
    });
    slices.push({
      slice,
      crossFitted: extra.report.spanF1.tuneCrossFitted,
      posts: extra.report.spanF1.tunePosts,
    });
  }
  const pooledPosts = slices.reduce((sum, s) => sum + s.posts, 0);
  result.report.spanF1.slices = {
    pooled: slices.reduce((sum, s) => sum + s.crossFitted * s.posts, 0) / Math.max(1, pooledPosts),
    posts: pooledPosts,
    each: slices,
  };
  const created = options.now();
  let previous: Previous | null = null;
  if (options.compareWith !== undefined && options.compareWith !== null) {
    options.log(`measuring ${options.compareWith} for comparison`);
    previous = {
      id: options.compareWith,
      measures: await measurePackage(options.compareWith, options.datasets, options.modelsDir, {
        functional: options.functionalCases ?? REPOSITORY_FILES.functional,
        functionalSecond: options.functionalSecondCases ?? REPOSITORY_FILES.functionalSecond,
        benignChat: options.benignChat ?? REPOSITORY_FILES.benignChat,
      }),
      recorded: await recordedFigures(join(options.modelsDir, options.compareWith, 'eval.json')),
    };
  }
  const modelCard = renderModelCard({
    id: options.id,
    version: options.version,
    created,
    featuriser,
    train,
    result,
    modelBytes: result.onnx.length,
    previous,
    ...recipe,
  });
  const evalJson = {
    id: options.id,
    version: options.version,
    created: created.toISOString(),
    thresholds: result.thresholds,
    recipe: {
      calibrationVersion: options.calibrationVersion ?? 1,
      plateau: options.plateau ?? PLATEAU,
    },
    corpora: result.corpora,
    seconds: result.seconds,
    ...result.report,
    ...(previous === null ? {} : { previous: previous.measures }),
  };
  const written = await writePackage({
    modelsDir: options.modelsDir,
    id: options.id,
    version: options.version,
    created,
    featuriser,
    train,
    result,
    modelCard,
    evalJson,
    setDefault: options.setDefault,
  });
  return {
    ...written,
    spanF1Trial: result.report.spanF1.trial,
    spanF1HeldOut: result.report.spanF1.tuneCrossFitted,
    spanF1HeldOutSlices:
      result.report.spanF1.slices?.pooled ?? result.report.spanF1.tuneCrossFitted,
    anyEce: result.report.any.heldOut.ece,
    functionalAccuracy: result.report.functional?.overall.accuracy ?? null,
    seconds: result.seconds.total,
  };
}

/**
 * The figures of a package that only its own training measured (the pooled held-apart span F1
 * needs measurement-only models; ECE of `any` its calibration data), read from its eval.json.
 */
async function recordedFigures(path: string): Promise<NonNullable<Previous['recorded']>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return {};
  }
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const record = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const root = record(parsed);
  const slices = record(record(root.spanF1).slices);
  const out: NonNullable<Previous['recorded']> = {};
  const pooled = num(slices.pooled);
  const posts = num(slices.posts);
  const ece = num(record(record(root.any).heldOut).ece);
  if (pooled !== undefined) out.pooledSpanF1 = pooled;
  if (posts !== undefined) out.pooledPosts = posts;
  if (ece !== undefined) out.anyEce = ece;
  return out;
}
