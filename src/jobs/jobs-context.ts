import type { ActionContext } from '../access/index.js';
import type { JobQueue } from './job-queue.js';
import type { ModelCatalog } from './model-catalog.js';

/** Actions that create runs need the catalog (to pin the model) and the queue (to start them). */
export interface JobsContext extends ActionContext {
  catalog: ModelCatalog;
  queue: JobQueue;
  /** Screenable messages per batch: the unit of commit and of resumption. */
  runBatchSize: number;
}
