import type { FeaturiserConfig } from '../screening/span-ngram/config.js';
import { Normaliser, Vocabulary } from '../screening/span-ngram/text/normalise.js';
import { commonWords } from './common-words/index.js';
import { type CompiledExample, Compiler } from './compile.js';
import type { Example } from './corpora/types.js';
import { exportOnnx } from './model/export.js';
import { Trainer, type TrainOptions } from './model/trainer.js';
import type { Weights } from './model/weights.js';
import { computePriors } from './priors.js';
import { buildVocabulary } from './vocabulary.js';

/**
 * Training proper, from labelled examples to ONNX bytes: vocabulary, featurisation, AdaGrad.
 * A pure function of its inputs and seed: the same examples, config and seed give the same
 * model.onnx, byte for byte (a test checks it on a small config).
 */
export interface TrainedModel {
  vocabulary: string[];
  weights: Weights;
  onnx: Uint8Array;
  tokens: number;
  examples: number;
  /** Version 2 with a priors file: the word priors the package ships. */
  priors: Map<string, number> | null;
}

export function trainModel(
  train: readonly Example[],
  featuriser: FeaturiserConfig,
  options: TrainOptions,
  log: (line: string) => void = () => {},
): TrainedModel {
  const v2 = featuriser.version >= 2;
  const vocabulary = buildVocabulary(
    train.map((e) => e.text),
    undefined,
    undefined,
    v2 ? commonWords() : [],
  );
  log(`vocabulary: ${vocabulary.length} words`);
  const normaliser = new Normaliser(new Vocabulary(vocabulary));
  const priors =
    v2 && featuriser.priorsFile !== undefined
      ? computePriors(train, normaliser, featuriser.version)
      : null;
  if (priors !== null) log(`word priors: ${priors.all.size} words`);
  const compiler = new Compiler(normaliser, featuriser, priors?.forExample ?? null);
  const compiled: CompiledExample[] = [];
  train.forEach((example, i) => {
    const c = compiler.compile(example, i);
    if (c !== null) compiled.push(c);
  });
  const tokens = compiled.reduce((sum, c) => sum + c.n, 0);
  log(`featurised ${compiled.length} examples, ${tokens} tokens`);
  const trainer = new Trainer(featuriser.abuseBuckets, featuriser.targetBuckets, {
    ...options,
    log,
  });
  trainer.train(compiled, { abuse: compiler.abusePool, target: compiler.targetPool });
  const onnx = exportOnnx(trainer.weights, featuriser, {});
  return {
    vocabulary,
    weights: trainer.weights,
    onnx,
    tokens,
    examples: compiled.length,
    priors: priors?.all ?? null,
  };
}
