import type { Logger } from 'pino';
import type { Actor } from '../domain/index.js';
import type { JobQueue, ModelCatalog, RunSignals } from '../jobs/index.js';
import type { BlobStore, Store } from '../store/index.js';

/** Everything the HTTP layer needs, built by the composition root (src/main.ts). */
export interface HttpDeps {
  store: Store;
  blobs: BlobStore;
  catalog: ModelCatalog;
  queue: JobQueue;
  signals: RunSignals;
  log: Logger;
  now(): Date;
  maxUploadBytes: number;
  runBatchSize: number;
  contextMessages: number;
  /** How long an SSE stream waits for a signal before it looks at the store anyway. */
  ssePollMs: number;
}

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    actor: Actor;
    justification: string | null;
  };
}
