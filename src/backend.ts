import type { Logger } from 'pino';
import type { Config } from './config.js';
import { ChatscreenError } from './domain/index.js';
import { graphileQueue, pgSignals } from './jobs/graphile/index.js';
import {
  discardIncompleteImports,
  inProcessQueue,
  inProcessSignals,
  type JobQueue,
  type ModelCatalog,
  type RunDeps,
  type RunSignals,
  screeningCatalog,
} from './jobs/index.js';
import {
  type BlobStore,
  holdPresence,
  openPostgresStore,
  openSqliteStore,
  type Store,
} from './store/index.js';

/**
 * The two backends, wired from configuration for the composition root (src/main.ts): SQLite with
 * the in-process queue, or PostgreSQL with graphile-worker. Nothing here reads the environment.
 */

export interface Jobs {
  store: Store;
  catalog: ModelCatalog;
  signals: RunSignals;
  queue: JobQueue;
  now: () => Date;
  close(): Promise<void>;
}

/**
 * Store, model catalog, run signals and job queue, as the backend decides: SQLite with the
 * in-process queue, or PostgreSQL with graphile-worker jobs (`concurrency` of them worked on in
 * this process; 0 only enqueues) and LISTEN/NOTIFY signals so SSE followers hear of batches
 * other processes commit.
 */
export async function openJobs(
  config: Config,
  overrides: { catalog?: ModelCatalog | undefined; now?: (() => Date) | undefined },
  log: Logger,
  concurrency: number,
): Promise<Jobs> {
  const catalog =
    overrides.catalog ??
    screeningCatalog({
      modelsDir: config.modelsDir,
      defaultModelId: config.defaultModelId,
      workers: config.workers,
    });
  const now = overrides.now ?? (() => new Date());
  const jobLog = log.child({ component: 'jobs' });
  if (config.databaseUrl === undefined) {
    const store = openSqliteStore(config.dataDir);
    const signals = inProcessSignals();
    const queue = inProcessQueue({ store, catalog, signals, now }, { concurrency, log: jobLog });
    return { store, catalog, signals, queue, now, close: () => store.close() };
  }
  const store = openPostgresStore({
    connectionString: config.databaseUrl,
    schema: config.pgSchema,
    poolSize: config.pgPoolSize,
  });
  await store.ready.catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const signals = pgSignals(config.databaseUrl, `${config.pgSchema}:runs`);
  const deps: RunDeps = { store, catalog, signals, now };
  const queue = graphileQueue(deps, {
    connectionString: config.databaseUrl,
    schema: `${config.pgSchema}_jobs`,
    concurrency,
    log: jobLog,
    sweepMs: config.sweepMs,
  });
  return {
    store,
    catalog,
    signals,
    queue,
    now,
    async close() {
      await signals.close();
      await store.close();
    },
  };
}

/**
 * Start-up clean-up of uploads a crash left half-way. With PostgreSQL several API processes may
 * share the database and the blob directory: only one that finds no other alive cleans up.
 */
export async function cleanUpUploads(
  config: Config,
  store: Store,
  blobs: BlobStore,
  log: Logger,
): Promise<() => Promise<void>> {
  const presence =
    config.databaseUrl === undefined
      ? null
      : await holdPresence(config.databaseUrl, `chatscreen:api:${config.pgSchema}`);
  if (presence === null || presence.alone) {
    const discarded = await discardIncompleteImports(store);
    if (discarded > 0)
      log.warn({ discarded }, 'removed uploads a previous process left unfinished');
    // Bytes staged by uploads that never finished (a crash mid-upload) are removed the same way.
    await blobs.discardAbandoned();
  } else {
    log.info('another API process is running: unfinished uploads are left to it');
  }
  await presence?.share();
  return async () => presence?.release();
}

/**
 * Loads the default model now rather than on the first run: the first flag then arrives after
 * one batch, not after the package is verified and the inference workers have started.
 */
export function preloadDefaultModel(catalog: ModelCatalog, log: Logger): void {
  catalog
    .resolve()
    .then((ref) => catalog.classifier(ref))
    .then(
      (classifier) => log.info({ model: classifier.model }, 'default model ready'),
      (error: unknown) =>
        log.warn(
          { code: error instanceof ChatscreenError ? error.code : 'internal' },
          'default model not loaded',
        ),
    );
}
