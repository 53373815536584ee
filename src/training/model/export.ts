import { GRAPH } from '../../screening/span-ngram/config.js';
import { encodeOnnxModel, type NodeSpec, type TensorSpec } from '../onnx/onnx-model.js';
import { A, K, type Weights } from './weights.js';

/**
 * The ONNX graph of a span-ngram model, in plain operators only:
 *   Gather(abuse table, ids[B,T,F]) -> [B,T,F,A]; Transpose -> [B,T,A,F]; MatMul(., ones[F,1])
 *     -> [B,T,A,1] (the sum over F as one GEMM: a left-broadcast MatMul would be B*T tiny GEMMs)
 *   Gather(target table, ids[B,T,K,G]) -> [B,T,K,G]; MatMul(., ones[G,1]) -> [B,T,K,1]
 *   + biases, Sigmoid, Slice, Mul (abuse or span x conditional), Concat -> token_scores [B,T,10].
 * Sums are MatMul, never ReduceSum: onnxruntime's reduction kernels give different bits for a
 * row depending on the batch around it, MatMul does not (GUIDE §5; tested in scorer tests).
 */
export interface ExportShape {
  abuseSlots: number;
  targetSlots: number;
}

const i64 = (name: string, values: readonly number[]): TensorSpec => ({
  name,
  type: 'int64',
  dims: [values.length],
  data: BigInt64Array.from(values.map((v) => BigInt(v))),
});

export function exportOnnx(
  weights: Weights,
  shape: ExportShape,
  metadata: Record<string, string>,
): Uint8Array {
  const abuseBuckets = weights.abuse.length / A;
  const targetBuckets = weights.target.length;
  const { abuseSlots: F, targetSlots: G } = shape;
  const nodes: NodeSpec[] = [
    {
      op: 'Gather',
      inputs: ['abuse_table', GRAPH.abuseInput],
      outputs: ['abuse_rows'],
      attributes: { axis: { int: 0 } },
    },
    {
      op: 'Transpose',
      inputs: ['abuse_rows'],
      outputs: ['abuse_cols'],
      attributes: { perm: { ints: [0, 1, 3, 2] } },
    },
    { op: 'MatMul', inputs: ['abuse_cols', 'ones_f'], outputs: ['abuse_sum4'] },
    { op: 'Reshape', inputs: ['abuse_sum4', 'shape_a'], outputs: ['abuse_sum'] },
    { op: 'Add', inputs: ['abuse_sum', 'abuse_bias'], outputs: ['abuse_logits'] },
    { op: 'Sigmoid', inputs: ['abuse_logits'], outputs: ['abuse_probs'] },
    { op: 'Slice', inputs: ['abuse_probs', 'at_0', 'at_1', 'axis_2'], outputs: [GRAPH.spanOutput] },
    {
      op: 'Slice',
      inputs: ['abuse_probs', 'at_1', 'at_2', 'axis_2'],
      outputs: [GRAPH.abuseOutput],
    },
    {
      op: 'Slice',
      inputs: ['abuse_probs', 'at_2', 'at_a', 'axis_2'],
      outputs: ['conduct_given_abuse'],
    },
    {
      op: 'Gather',
      inputs: ['target_table', GRAPH.targetInput],
      outputs: ['target_rows'],
      attributes: { axis: { int: 0 } },
    },
    { op: 'MatMul', inputs: ['target_rows', 'ones_g'], outputs: ['target_sum4'] },
    { op: 'Reshape', inputs: ['target_sum4', 'shape_k'], outputs: ['target_sum'] },
    { op: 'Add', inputs: ['target_sum', 'target_bias'], outputs: ['target_logits'] },
    { op: 'Sigmoid', inputs: ['target_logits'], outputs: ['target_given_abuse'] },
    { op: 'Mul', inputs: [GRAPH.abuseOutput, 'target_given_abuse'], outputs: ['identity_scores'] },
    { op: 'Mul', inputs: [GRAPH.spanOutput, 'conduct_given_abuse'], outputs: ['conduct_scores'] },
    {
      op: 'Concat',
      inputs: ['identity_scores', 'conduct_scores'],
      outputs: [GRAPH.output],
      attributes: { axis: { int: 2 } },
    },
  ];
  const initializers: TensorSpec[] = [
    { name: 'abuse_table', type: 'float', dims: [abuseBuckets, A], data: weights.abuse },
    { name: 'abuse_bias', type: 'float', dims: [A], data: Float32Array.from(weights.abuseBias) },
    { name: 'target_table', type: 'float', dims: [targetBuckets], data: weights.target },
    { name: 'target_bias', type: 'float', dims: [1], data: Float32Array.of(weights.targetBias) },
    { name: 'ones_f', type: 'float', dims: [F, 1], data: new Float32Array(F).fill(1) },
    { name: 'ones_g', type: 'float', dims: [G, 1], data: new Float32Array(G).fill(1) },
    i64('shape_a', [0, 0, A]),
    i64('shape_k', [0, 0, K]),
    i64('at_0', [0]),
    i64('at_1', [1]),
    i64('at_2', [2]),
    i64('at_a', [A]),
    i64('axis_2', [2]),
  ];
  return encodeOnnxModel({
    graphName: 'chatscreen_span_ngram',
    producer: 'chatscreen-train',
    producerVersion: '1',
    opset: 17,
    nodes,
    initializers,
    inputs: [
      { name: GRAPH.abuseInput, type: 'int32', shape: ['batch', 'tokens', F] },
      { name: GRAPH.targetInput, type: 'int32', shape: ['batch', 'tokens', K, G] },
    ],
    outputs: [
      { name: GRAPH.output, type: 'float', shape: ['batch', 'tokens', K + A - 2] },
      { name: GRAPH.spanOutput, type: 'float', shape: ['batch', 'tokens', 1] },
      { name: GRAPH.abuseOutput, type: 'float', shape: ['batch', 'tokens', 1] },
    ],
    metadata,
  });
}
