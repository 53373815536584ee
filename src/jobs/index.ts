export { createRun, planBatches } from './create-run.js';
export { discardIncompleteImports } from './discard-incomplete.js';
export { executeRun, failRun, finishRun } from './execute-run.js';
export { flagIdFor } from './flag-id.js';
export {
  assertCanUpload,
  type ImportInput,
  type ImportResult,
  importExport,
} from './import-export.js';
export { inProcessQueue } from './in-process-queue.js';
export type { JobQueue } from './job-queue.js';
export type { JobsContext } from './jobs-context.js';
export type { ModelCatalog, ModelInfo } from './model-catalog.js';
export { commitBatch, runBatch, type ScreenedBatch, screenBatch } from './run-batch.js';
export type { RunDeps } from './run-deps.js';
export { inProcessSignals, type RunSignals } from './run-signals.js';
export { screeningCatalog } from './screening-catalog.js';
export { startRun } from './start-run.js';
export {
  type ExportView,
  exportView,
  getExport,
  getRun,
  listExports,
  type RunView,
  runView,
} from './views.js';
