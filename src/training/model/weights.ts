import { IDENTITY_CATEGORIES } from '../../domain/index.js';
import { ABUSE_HEADS } from '../../screening/span-ngram/config.js';

/** The model's parameters: the two hashed tables and their biases. */
export const A = ABUSE_HEADS.length;
export const K = IDENTITY_CATEGORIES.length;

export interface Weights {
  /** abuseBuckets x A, row-major; row 0 stays zero (padding). */
  abuse: Float32Array;
  abuseBias: Float64Array;
  /** targetBuckets; row 0 stays zero. */
  target: Float32Array;
  targetBias: number;
}

export function emptyWeights(abuseBuckets: number, targetBuckets: number): Weights {
  return {
    abuse: new Float32Array(abuseBuckets * A),
    abuseBias: new Float64Array(A),
    target: new Float32Array(targetBuckets),
    targetBias: 0,
  };
}
