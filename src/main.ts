import { join } from 'node:path';
import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';
import { cleanUpUploads, openJobs, preloadDefaultModel } from './backend.js';
import type { Config } from './config.js';
import { ChatscreenError } from './domain/index.js';
import { createApp, type HttpDeps } from './http/index.js';
import type { JobQueue, ModelCatalog } from './jobs/index.js';
import { fsBlobStore, openPostgresStore, openSqliteStore, type Store } from './store/index.js';

/**
 * The composition root (GUIDE §1): the only place that turns configuration into running parts.
 * `createService` builds everything without listening (tests drive `service.app.request()`);
 * `startServer` also listens.
 */
export interface Service {
  app: ReturnType<typeof createApp>;
  deps: HttpDeps;
  /** Starts the job queue: resumes unfinished runs, then takes new ones. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface ServiceOverrides {
  log?: Logger;
  /** Tests replace the model catalog; production uses the models folder. */
  catalog?: ModelCatalog;
  now?: () => Date;
  ssePollMs?: number;
  /**
   * With PostgreSQL: batch jobs this process works on besides serving (`serve --workers N`;
   * 0 leaves all screening to `chatscreen worker` processes). Default: CHATSCREEN_RUN_CONCURRENCY.
   * With SQLite runs always screen in process, CHATSCREEN_RUN_CONCURRENCY at once.
   */
  jobWorkers?: number;
}

/** Log lines carry ids, counts and timings; these paths are censored should anything add them. */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-justification"]',
  'headers.authorization',
  'token',
  'text',
  'name',
  'justification',
  'reason',
];

export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'chatscreen' },
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}

/**
 * The store the configuration selects: SQLite in the data directory, or PostgreSQL when
 * DATABASE_URL is set (migrated on first use; `ready` on the PostgreSQL store says when).
 */
export function openConfiguredStore(config: Config): Store {
  if (config.databaseUrl !== undefined) {
    return openPostgresStore({
      connectionString: config.databaseUrl,
      schema: config.pgSchema,
      poolSize: config.pgPoolSize,
    });
  }
  return openSqliteStore(config.dataDir);
}

export async function createService(
  config: Config,
  overrides: ServiceOverrides = {},
): Promise<Service> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const concurrency =
    config.databaseUrl === undefined
      ? config.runConcurrency
      : (overrides.jobWorkers ?? config.runConcurrency);
  const jobs = await openJobs(config, overrides, log, concurrency);
  const { store, catalog, signals, queue, now } = jobs;
  const blobs = fsBlobStore(join(config.dataDir, 'blobs'));
  const leave = await cleanUpUploads(config, store, blobs, log).catch(async (error: unknown) => {
    await jobs.close();
    throw error;
  });
  const deps: HttpDeps = {
    store,
    blobs,
    catalog,
    queue,
    signals,
    log,
    now,
    maxUploadBytes: config.maxUploadBytes,
    runBatchSize: config.runBatchSize,
    contextMessages: config.contextMessages,
    ssePollMs: overrides.ssePollMs ?? 1000,
  };
  let closed = false;
  return {
    app: createApp(deps),
    deps,
    async start() {
      await queue.start();
      // An API process that screens nothing itself has no use for inference workers.
      if (concurrency > 0) preloadDefaultModel(catalog, log);
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.stop();
      await catalog.close();
      await jobs.close();
      await leave();
    },
  };
}

export interface Worker {
  queue: JobQueue;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A `chatscreen worker` process: no HTTP, no blobs; takes batch jobs from the PostgreSQL
 * database, `concurrency` at once, until closed.
 */
export async function createWorker(
  config: Config,
  concurrency: number,
  overrides: ServiceOverrides = {},
): Promise<Worker> {
  if (config.databaseUrl === undefined) {
    throw new ChatscreenError(
      'invalid_option',
      'chatscreen worker needs DATABASE_URL (PostgreSQL); with SQLite, `chatscreen serve` screens runs in process',
      { option: 'DATABASE_URL' },
    );
  }
  const log = overrides.log ?? createLogger(config.logLevel);
  const jobs = await openJobs(config, overrides, log, concurrency);
  let closed = false;
  return {
    queue: jobs.queue,
    async start() {
      await jobs.queue.start();
      if (concurrency > 0) preloadDefaultModel(jobs.catalog, log);
    },
    async close() {
      if (closed) return;
      closed = true;
      await jobs.queue.stop();
      await jobs.catalog.close();
      await jobs.close();
    },
  };
}

export interface RunningServer {
  url: string;
  port: number;
  service: Service;
  close(): Promise<void>;
}

export async function startServer(
  config: Config,
  overrides: ServiceOverrides = {},
): Promise<RunningServer> {
  const { serve } = await import('@hono/node-server');
  const service = await createService(config, overrides);
  await service.start();
  const listening = new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve, reject) => {
      const s = serve(
        { fetch: service.app.fetch, port: config.port, hostname: config.host },
        (info) => resolve({ server: s, port: info.port }),
      );
      s.once('error', reject);
    },
  );
  // A port in use must not leave the store open and the queue running behind a failed start.
  const { server, port } = await listening.catch(async (error: unknown) => {
    await service.close();
    throw new ChatscreenError('invalid_option', `cannot listen on ${config.host}:${config.port}`, {
      option: '--port',
      cause: error,
    });
  });
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  service.deps.log.info({ port, host: config.host, dataDir: config.dataDir }, 'listening');
  return {
    url,
    port,
    service,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SSE streams would otherwise hold the server open.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await service.close();
    },
  };
}
