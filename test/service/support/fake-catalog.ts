import type { Category, MessageScreening, ModelRef } from '../../../src/domain/index.js';
import { CATEGORIES, ChatscreenError } from '../../../src/domain/index.js';
import type { ModelCatalog, ModelInfo } from '../../../src/jobs/index.js';
import type { Classifier } from '../../../src/screening/index.js';

/**
 * Test-only stand-in for the model catalog: a deterministic lexicon "model" so service tests do
 * not depend on the trained package. Product code and the end-to-end tests use the real one.
 */
const LEXICON: Record<string, { category: Category; score: number }> = {
  idiot: { category: 'insult', score: 0.91 },
  scum: { category: 'insult', score: 0.83 },
  kill: { category: 'threat', score: 0.97 },
  vermin: { category: 'race', score: 0.88 },
};

function zeroScores(): MessageScreening['scores'] {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  return { ...scores, any: 0 };
}

export function lexiconScreen(text: string, bias = 0): MessageScreening {
  const spans: MessageScreening['spans'] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const entry = LEXICON[match[0].toLowerCase()];
    if (entry === undefined) continue;
    spans.push({
      start: match.index,
      end: match.index + match[0].length,
      category: entry.category,
      score: entry.score + bias,
    });
  }
  const scores = zeroScores();
  for (const s of spans) scores[s.category] = Math.max(scores[s.category], s.score);
  scores.any = Math.max(0, ...spans.map((s) => s.score));
  return { scores, spans };
}

export interface FakeModel {
  ref: ModelRef;
  /** Added to every score: a "new version" that scores differently. */
  bias: number;
}

export const MODEL_A: FakeModel = { ref: { id: 'lexicon-a', sha256: 'a'.repeat(64) }, bias: 0 };
export const MODEL_B: FakeModel = { ref: { id: 'lexicon-b', sha256: 'b'.repeat(64) }, bias: 0.01 };

export interface FakeCatalog extends ModelCatalog {
  /** Simulates replacing an installed package with different bytes. */
  replace(id: string, sha256: string): void;
  /** Every batch waits for this before it is screened (tests pause runs with it). */
  gate: { wait: () => Promise<void> };
  screenedBatches: number;
}

export function fakeCatalog(models: FakeModel[] = [MODEL_A, MODEL_B]): FakeCatalog {
  const installed = new Map(models.map((m) => [m.ref.id, { ...m, ref: { ...m.ref } }]));
  const catalog: FakeCatalog = {
    gate: { wait: async () => {} },
    screenedBatches: 0,
    replace(id, sha256) {
      const model = installed.get(id);
      if (model !== undefined) model.ref = { id, sha256 };
    },
    async list(): Promise<ModelInfo[]> {
      return [...installed.values()].map((m, i) => ({
        ok: true,
        id: m.ref.id,
        sha256: m.ref.sha256,
        version: '1.0.0',
        created: '2024-01-01T00:00:00.000Z',
        kind: 'chatscreen-span-ngram',
        description: 'test lexicon',
        categories: [...CATEGORIES],
        thresholds: {},
        card: `# ${m.ref.id}`,
        isDefault: i === 0,
      }));
    },
    async resolve(modelId) {
      const model = modelId === undefined ? [...installed.values()][0] : installed.get(modelId);
      if (model === undefined)
        throw new ChatscreenError('model_not_found', 'no such model package');
      return { ...model.ref };
    },
    async verify(ref) {
      const model = installed.get(ref.id);
      if (model === undefined || model.ref.sha256 !== ref.sha256) {
        throw new ChatscreenError(
          'model_package_changed',
          `model ${ref.id} is not installed unchanged`,
        );
      }
    },
    async classifier(ref) {
      await catalog.verify(ref);
      const model = installed.get(ref.id);
      const bias = model?.bias ?? 0;
      const classifier: Classifier = {
        model: ref,
        categories: [...CATEGORIES],
        thresholds: Object.fromEntries(CATEGORIES.map((c) => [c, 0.5])) as Record<Category, number>,
        async screen(texts) {
          await catalog.gate.wait();
          catalog.screenedBatches += 1;
          return texts.map((t) => lexiconScreen(t, bias));
        },
        async close() {},
      };
      return classifier;
    },
    async close() {},
  };
  return catalog;
}
