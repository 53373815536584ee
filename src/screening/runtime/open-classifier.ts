import { availableParallelism } from 'node:os';
import { ChatscreenError, type MessageScreening } from '../../domain/index.js';
import { siblingModuleUrl } from '../../lib/worker-thread.js';
import type { Classifier, ScreenOptions } from '../classifier.js';
import { loadModel } from '../package/resolve.js';
import type { VerifiedPackage } from '../scorer.js';
import { WorkerPool } from './pool.js';
import type { WorkerInit } from './protocol.js';
import { defaultThresholds, thresholdsFor } from './thresholds.js';

export interface OpenClassifierOptions {
  /** Folder holding model packages (models/<id>/). */
  modelsDir: string;
  /** Package id; default: `defaultModelId`, else models/DEFAULT, else the only package. */
  modelId?: string | undefined;
  /** The configured default model id, used when `modelId` is not given. */
  defaultModelId?: string | undefined;
  /** Worker threads; default `os.availableParallelism()`. */
  workers?: number | undefined;
  /** Texts per message to a worker; default 64. Results never depend on it. */
  batchSize?: number | undefined;
}

export const DEFAULT_BATCH_SIZE = 64;
const MAX_WORKERS = 256;
const MAX_BATCH_SIZE = 100_000;

function positiveInteger(value: number, name: string, option: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new ChatscreenError('invalid_option', `${name} must be a whole number from 1 to ${max}`, {
      option,
    });
  }
  return value;
}

/**
 * Loads and verifies a model package, then starts a pool of worker threads that each run it.
 * Resolves once every worker has loaded the model, so a broken package fails here, not on the
 * first batch. Call `close()` when done: the workers keep the process alive until then.
 */
export async function openClassifier(options: OpenClassifierOptions): Promise<Classifier> {
  // Checked before hashing the package, which can take a while for a big one.
  const settings = poolSettings(options);
  const pkg = await loadModel(options.modelsDir, options.modelId, {
    defaultId: options.defaultModelId,
  });
  return openPackageClassifier(pkg, settings);
}

export interface PoolSettings {
  workers?: number | undefined;
  batchSize?: number | undefined;
}

function poolSettings(options: PoolSettings): { workers: number; batchSize: number } {
  return {
    workers: positiveInteger(
      options.workers ?? availableParallelism(),
      'workers',
      '--workers',
      MAX_WORKERS,
    ),
    batchSize: positiveInteger(
      options.batchSize ?? DEFAULT_BATCH_SIZE,
      'batchSize',
      '--batch-size',
      MAX_BATCH_SIZE,
    ),
  };
}

/** The same, for a package already loaded with `loadModelPackage` (any folder, any name). */
export async function openPackageClassifier(
  pkg: VerifiedPackage,
  options: PoolSettings = {},
): Promise<Classifier> {
  const { workers, batchSize } = poolSettings(options);
  const init: WorkerInit = { pkg };
  const pool = await WorkerPool.start({
    workerUrl: siblingModuleUrl(import.meta.url, 'worker'),
    workerData: init,
    size: workers,
  });
  return new PooledClassifier(pkg, pool, batchSize);
}

class PooledClassifier implements Classifier {
  readonly model;
  readonly categories;
  readonly thresholds;
  private closed = false;

  constructor(
    pkg: VerifiedPackage,
    private readonly pool: WorkerPool,
    private readonly batchSize: number,
  ) {
    this.model = Object.freeze({ ...pkg.ref });
    this.categories = Object.freeze([...pkg.manifest.categories]);
    this.thresholds = Object.freeze(defaultThresholds(pkg.manifest));
  }

  async screen(texts: readonly string[], options: ScreenOptions = {}): Promise<MessageScreening[]> {
    if (this.closed) throw new ChatscreenError('internal', 'the classifier has been closed');
    const thresholds = thresholdsFor(this.thresholds, options.minScore);
    if (texts.length === 0) return [];
    // If one batch fails, batches of this call still waiting in the queue are withdrawn.
    const abort = new AbortController();
    const batches: Promise<MessageScreening[]>[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const pending = this.pool.run(batch, thresholds, abort.signal);
      pending.catch(() => abort.abort());
      batches.push(pending);
    }
    return (await Promise.all(batches)).flat();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}
