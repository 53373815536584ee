import type { Category, MessageScreening, ModelRef } from '../domain/index.js';
import type { ModelKind, ModelManifest } from './package/manifest.js';

/** A model package whose every file has been verified against its manifest. */
export interface VerifiedPackage {
  /** Absolute path of the package folder. */
  dir: string;
  manifest: ModelManifest;
  ref: ModelRef;
}

/**
 * Inference for one kind of package, created inside a worker thread. `screen` may block the
 * thread it runs on (onnxruntime's session.run does): only worker threads call it.
 */
export interface Scorer {
  screen(
    texts: readonly string[],
    thresholds: Readonly<Record<Category, number>>,
  ): Promise<MessageScreening[]>;
  close(): Promise<void>;
}

/** Each package kind (manifest.kind) has one factory; the worker looks it up by kind. */
export interface ScorerFactory {
  kind: ModelKind;
  create(pkg: VerifiedPackage): Promise<Scorer>;
}
