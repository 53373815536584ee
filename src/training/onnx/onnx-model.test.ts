import { describe, expect, it } from 'vitest';
import { createInferenceSession, ort } from '../../screening/runtime/session.js';
import { encodeOnnxModel } from './onnx-model.js';

describe('encodeOnnxModel', () => {
  it('writes a model onnxruntime loads and runs: Gather, MatMul, Add, Sigmoid, attributes', async () => {
    const bytes = encodeOnnxModel({
      graphName: 'probe',
      producer: 'chatscreen-test',
      producerVersion: '0',
      nodes: [
        {
          op: 'Gather',
          inputs: ['table', 'ids'],
          outputs: ['rows'],
          attributes: { axis: { int: 0 } },
        },
        { op: 'MatMul', inputs: ['rows', 'weight'], outputs: ['mm'] },
        { op: 'Add', inputs: ['mm', 'bias'], outputs: ['logit'] },
        {
          op: 'LeakyRelu',
          inputs: ['logit'],
          outputs: ['leaky'],
          attributes: { alpha: { float: 0.5 } },
        },
        { op: 'Sigmoid', inputs: ['leaky'], outputs: ['prob'] },
        {
          op: 'ReduceMax',
          inputs: ['prob'],
          outputs: ['max'],
          attributes: { keepdims: { int: 0 }, axes: { ints: [-1] } },
        },
      ],
      initializers: [
        {
          name: 'table',
          type: 'float',
          dims: [3, 2],
          data: new Float32Array([1, 0, 0, 1, -1, -1]),
        },
        { name: 'weight', type: 'float', dims: [2, 1], data: new Float32Array([2, 3]) },
        { name: 'bias', type: 'float', dims: [1], data: new Float32Array([-1]) },
      ],
      inputs: [{ name: 'ids', type: 'int64', shape: ['n'] }],
      outputs: [
        { name: 'prob', type: 'float', shape: ['n', 1] },
        { name: 'max', type: 'float', shape: ['n'] },
      ],
      metadata: { purpose: 'test' },
    });
    const session = await createInferenceSession(bytes);
    const ids = new ort.Tensor('int64', new BigInt64Array([0n, 1n, 2n]), [3]);
    const out = await session.run({ ids });
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const expected = [1, 2, -0.5 * 6].map((x) => sigmoid(x));
    const prob = out.prob?.data;
    if (!(prob instanceof Float32Array)) throw new Error('expected a float tensor');
    expect([...prob].map((v) => v.toFixed(5))).toEqual(expected.map((v) => v.toFixed(5)));
    expect(out.max?.dims).toEqual([3]);
  });

  it('is byte-for-byte deterministic', () => {
    const spec = {
      graphName: 'g',
      producer: 'p',
      producerVersion: '1',
      nodes: [{ op: 'Sigmoid', inputs: ['x'], outputs: ['y'] }],
      initializers: [],
      inputs: [{ name: 'x', type: 'float' as const, shape: [1] }],
      outputs: [{ name: 'y', type: 'float' as const, shape: [1] }],
    };
    expect(Buffer.from(encodeOnnxModel(spec)).equals(Buffer.from(encodeOnnxModel(spec)))).toBe(
      true,
    );
  });
});
