import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChatscreenError, type ModelRef } from '../domain/index.js';
import {
  type Classifier,
  listModelPackages,
  loadModel,
  openPackageClassifier,
  resolveModel,
} from '../screening/index.js';
import type { ModelCatalog, ModelInfo } from './model-catalog.js';

export interface ScreeningCatalogOptions {
  modelsDir: string;
  defaultModelId?: string | undefined;
  /** Inference worker threads per open model. */
  workers?: number | undefined;
}

/** The catalog over a models folder, through screening/'s public surface. */
export function screeningCatalog(options: ScreeningCatalogOptions): ModelCatalog {
  const { modelsDir, defaultModelId } = options;
  const open = new Map<string, Promise<Classifier>>();
  let closed = false;

  async function loadExactly(ref: ModelRef) {
    const pkg = await loadModel(modelsDir, ref.id).catch((error: unknown) => {
      throw new ChatscreenError(
        'model_package_changed',
        `model ${ref.id} (sha256 ${ref.sha256.slice(0, 12)}…) is not installed or does not verify`,
        { cause: error },
      );
    });
    if (pkg.ref.sha256 !== ref.sha256) {
      throw new ChatscreenError(
        'model_package_changed',
        `the installed ${ref.id} has sha256 ${pkg.ref.sha256.slice(0, 12)}…, the run recorded ${ref.sha256.slice(0, 12)}…`,
      );
    }
    return pkg;
  }

  return {
    async list() {
      const entries = await listModelPackages(modelsDir);
      const defaultId = await resolveModel(modelsDir, undefined, { defaultId: defaultModelId })
        .then((resolved) => resolved.id)
        .catch(() => null);
      const models: ModelInfo[] = [];
      for (const entry of entries) {
        if (!entry.ok) {
          models.push({ ok: false, id: entry.name, error: entry.error });
          continue;
        }
        const card = await readFile(join(entry.dir, 'MODEL_CARD.md'), 'utf8').catch(() => null);
        const m = entry.manifest;
        models.push({
          ok: true,
          id: m.id,
          sha256: entry.ref.sha256,
          version: m.version,
          created: m.created,
          kind: m.kind,
          description: m.description,
          categories: m.categories,
          thresholds: m.thresholds,
          card,
          isDefault: m.id === defaultId,
        });
      }
      return models;
    },
    async resolve(modelId) {
      const pkg = await loadModel(modelsDir, modelId, { defaultId: defaultModelId });
      return pkg.ref;
    },
    async verify(ref) {
      await loadExactly(ref);
    },
    async classifier(ref) {
      // Verified on every call: a package edited on disk after it was opened must not pass.
      const pkg = await loadExactly(ref);
      if (closed) throw new ChatscreenError('internal', 'the model catalog is closed');
      let classifier = open.get(ref.sha256);
      if (classifier === undefined) {
        classifier = openPackageClassifier(pkg, { workers: options.workers });
        classifier.catch(() => open.delete(ref.sha256));
        open.set(ref.sha256, classifier);
      }
      return classifier;
    },
    async close() {
      closed = true;
      const all = [...open.values()];
      open.clear();
      await Promise.all(all.map(async (c) => (await c.catch(() => null))?.close()));
    },
  };
}
