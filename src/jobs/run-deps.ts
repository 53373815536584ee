import type { Store } from '../store/index.js';
import type { ModelCatalog } from './model-catalog.js';
import type { RunSignals } from './run-signals.js';

/** What executing runs needs; the composition root builds it once. */
export interface RunDeps {
  store: Store;
  catalog: ModelCatalog;
  signals: RunSignals;
  now(): Date;
}
