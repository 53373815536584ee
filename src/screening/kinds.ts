import { ChatscreenError } from '../domain/index.js';
import type { ModelKind } from './package/manifest.js';
import type { ScorerFactory } from './scorer.js';

/**
 * manifest.kind -> the factory that runs that kind of package. Imported lazily: a worker loads
 * only its own kind's runtime (transformers.js is large and slow to import).
 */
const FACTORIES: Partial<Record<ModelKind, () => Promise<ScorerFactory>>> = {
  huggingface: async () => (await import('./huggingface/scorer.js')).huggingfaceScorerFactory,
  'chatscreen-span-ngram': async () =>
    (await import('./span-ngram/scorer.js')).spanNgramScorerFactory,
};

export async function scorerFactoryFor(kind: ModelKind): Promise<ScorerFactory> {
  const load = FACTORIES[kind];
  if (load === undefined) {
    throw new ChatscreenError(
      'model_package_invalid',
      `this build of chatscreen cannot run packages of kind "${kind}"`,
    );
  }
  return load();
}
