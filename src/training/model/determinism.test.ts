import { describe, expect, it } from 'vitest';
import { trainTinyModel } from '../testing/tiny-model.js';

describe('training', () => {
  it('is deterministic given a seed: same seed, byte-identical model.onnx', () => {
    const a = trainTinyModel(11);
    const b = trainTinyModel(11);
    expect(Buffer.from(a.onnx).equals(Buffer.from(b.onnx))).toBe(true);
    expect(a.vocabulary).toEqual(b.vocabulary);
  });

  it('depends on the seed', () => {
    expect(Buffer.from(trainTinyModel(11).onnx).equals(Buffer.from(trainTinyModel(12).onnx))).toBe(
      false,
    );
  });
});
