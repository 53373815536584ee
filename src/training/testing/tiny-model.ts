import { DEFAULT_FEATURISER, type FeaturiserConfig } from '../../screening/span-ngram/config.js';
import { DEFAULT_TRAIN_OPTIONS } from '../model/trainer.js';
import { readSeeds } from '../seeds/expand.js';
import { type TrainedModel, trainModel } from '../train-model.js';

/**
 * A small model trained on the project's seeds only (no datasets needed): for tests of
 * determinism, batch invariance and packaging. Seconds to train; not a useful classifier.
 */
export const TINY_FEATURISER: FeaturiserConfig = {
  ...DEFAULT_FEATURISER,
  abuseBuckets: 1 << 12,
  targetBuckets: 1 << 10,
};

export function trainTinyModel(seed = 7): TrainedModel {
  const examples = readSeeds().filter((e) => e.split === 'train');
  return trainModel(examples, TINY_FEATURISER, { ...DEFAULT_TRAIN_OPTIONS, epochs: 2, seed });
}
