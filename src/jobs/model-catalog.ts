import type { Category, ModelRef } from '../domain/index.js';
import type { Classifier } from '../screening/index.js';

/** An installed model package as the API lists it (GET /api/models). */
export type ModelInfo =
  | {
      ok: true;
      id: string;
      sha256: string;
      version: string;
      created: string;
      kind: string;
      description: string;
      categories: Category[];
      thresholds: Partial<Record<Category, number>>;
      /** MODEL_CARD.md, when the package has one. */
      card: string | null;
      isDefault: boolean;
    }
  | { ok: false; id: string; error: { code: string; detail: string } };

/**
 * The installed model packages, seen by the service. Runs record the exact package (id and
 * SHA-256) they used; replays ask for that package again and are refused when it is gone or
 * different (model_package_changed).
 */
export interface ModelCatalog {
  list(): Promise<ModelInfo[]>;
  /** Resolves an id, or the default, to the installed package, verifying every file. */
  resolve(modelId?: string): Promise<ModelRef>;
  /** Refuses unless exactly this package is installed, unchanged. */
  verify(ref: ModelRef): Promise<void>;
  /** A classifier for exactly this package (verified as above); shared, closed by `close`. */
  classifier(ref: ModelRef): Promise<Classifier>;
  close(): Promise<void>;
}
