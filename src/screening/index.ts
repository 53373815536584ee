/**
 * The public surface of screening/: what the CLI, the service, jobs and audit use. Everything
 * else under screening/ is internal and may change.
 *
 * - `openClassifier({ modelsDir, modelId?, defaultModelId?, workers?, batchSize? })` loads and
 *   verifies a package and starts a worker-thread pool; returns a `Classifier` (close it).
 * - `openPackageClassifier(pkg, { workers?, batchSize? })`: the same for a loaded package.
 * - `loadModelPackage(dir)`: verify one package folder -> `VerifiedPackage` (ref = id + SHA-256).
 * - `loadModel(modelsDir, id?, { defaultId? })`: resolve an id (or the default) and verify it.
 * - `listModelPackages(modelsDir, { verify? })`: installed packages, broken ones with their error.
 * - `resolveModel(modelsDir, id?, { defaultId? })`: which folder an id (or the default) means.
 */
export type { Classifier, ScreenOptions } from './classifier.js';
export {
  type ListModelPackagesOptions,
  listModelPackages,
  type ModelPackageEntry,
} from './package/list.js';
export { loadModelPackage } from './package/load.js';
export { MODEL_KINDS, type ModelKind, type ModelManifest } from './package/manifest.js';
export {
  DEFAULT_MODEL_POINTER,
  loadModel,
  type ResolvedModel,
  type ResolveModelOptions,
  resolveModel,
} from './package/resolve.js';
export {
  DEFAULT_BATCH_SIZE,
  type OpenClassifierOptions,
  openClassifier,
  openPackageClassifier,
} from './runtime/open-classifier.js';
export { FALLBACK_THRESHOLD } from './runtime/thresholds.js';
export type { VerifiedPackage } from './scorer.js';
