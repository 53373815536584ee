import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Category } from '../domain/index.js';
import { loadModelPackage } from '../screening/package/load.js';
import { spanNgramScorerFactory } from '../screening/span-ngram/scorer.js';
import { DEFAULT_TRAIN_OPTIONS } from './model/trainer.js';
import { writePackage } from './package.js';
import type { PipelineResult } from './pipeline.js';
import { TINY_FEATURISER, trainTinyModel } from './testing/tiny-model.js';

const thresholds = Object.fromEntries(CATEGORIES.map((c) => [c, 0.3])) as Record<Category, number>;
const platt = { a: 1, b: 0 };

function result(): PipelineResult {
  const model = trainTinyModel();
  return {
    onnx: model.onnx,
    vocabulary: model.vocabulary,
    priors: model.priors,
    calibration: {
      method: 'context-platt',
      span: { weights: [1, 0, 0, 0, 0, 0, 0] },
      conduct: { threat: platt, sexual_violence: platt, insult: platt, profanity: platt },
      identity: {
        race: platt,
        religion: platt,
        sex: platt,
        sexual_orientation: platt,
        gender_identity: platt,
        disability: platt,
      },
      any: platt,
    },
    thresholds,
    corpora: {},
    report: {
      spanF1: {
        tuneCrossFitted: 0,
        tuneHalves: [0, 0],
        tuneCrossFittedConduct: 0,
        tuneInSample: 0,
        trial: 0,
        tunePosts: 0,
        trialPosts: 0,
      },
      any: {
        heldOut: { n: 0, ece: 0, bins: [], perCorpus: {} },
        fit: { n: 0, ece: 0, bins: [], perCorpus: {} },
      },
      perCorpus: {},
      toxicSpansTokens: {},
      functional: null,
      functionalSecond: null,
      benign: {},
      abusiveRecall: {},
      calibrationCounts: {},
    },
    tokens: model.tokens,
    seconds: { read: 0, train: 0, calibrate: 0, evaluate: 0, total: 0 },
  };
}

describe('writePackage', () => {
  let models: string;
  beforeAll(async () => {
    models = await mkdtemp(join(tmpdir(), 'chatscreen-package-'));
  });
  afterAll(async () => {
    await rm(models, { recursive: true, force: true });
  });

  it('writes a package the loader verifies and the span-ngram scorer runs', async () => {
    const written = await writePackage({
      modelsDir: models,
      id: 'tiny-test',
      version: '0.0.1',
      created: new Date('2025-01-01T00:00:00Z'),
      featuriser: TINY_FEATURISER,
      train: DEFAULT_TRAIN_OPTIONS,
      result: result(),
      modelCard: '# tiny\n',
      evalJson: { ok: true },
      setDefault: true,
    });
    expect(await readFile(join(models, 'DEFAULT'), 'utf8')).toBe('tiny-test\n');
    const pkg = await loadModelPackage(written.dir);
    expect(pkg.ref.sha256).toBe(written.manifestSha256);
    expect(Object.keys(pkg.manifest.files).sort()).toEqual([
      'MODEL_CARD.md',
      'eval.json',
      'model.onnx',
      'vocabulary.txt',
      'word-priors.txt',
    ]);
    const scorer = await spanNgramScorerFactory.create(pkg);
    const [screening] = await scorer.screen(['you absolute f*cking idiot'], thresholds);
    await scorer.close();
    expect(screening?.scores.any).toBeGreaterThan(0);
    for (const span of screening?.spans ?? []) expect(span.end).toBeGreaterThan(span.start);
  });

  it('refuses to write over files it did not write', async () => {
    await writeFile(join(models, 'tiny-test', 'notes.txt'), 'mine');
    await expect(
      writePackage({
        modelsDir: models,
        id: 'tiny-test',
        version: '0.0.1',
        created: new Date(),
        featuriser: TINY_FEATURISER,
        train: DEFAULT_TRAIN_OPTIONS,
        result: result(),
        modelCard: '',
        evalJson: {},
        setDefault: false,
      }),
    ).rejects.toThrow(/notes\.txt/);
  });
});
