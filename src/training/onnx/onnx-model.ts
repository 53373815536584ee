import { ProtoWriter } from './protobuf-writer.js';

/**
 * Builds ONNX ModelProto bytes from plain descriptions. Field numbers follow onnx/onnx.proto3.
 * Only plain operators are meant to be used (Gather, MatMul, Add, Sigmoid...): GUIDE §5 asks for
 * reductions written as MatMul so that scores are bit-identical whatever the batch size.
 */

const ELEMENT_TYPES = {
  float: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  double: 11,
} as const;
export type ElementType = keyof typeof ELEMENT_TYPES;

export type TensorData = Float32Array | Int32Array | BigInt64Array | Uint8Array | Float64Array;

export interface TensorSpec {
  name: string;
  type: ElementType;
  dims: readonly number[];
  data: TensorData;
}

export type AttributeValue =
  | { int: number }
  | { float: number }
  | { ints: readonly number[] }
  | { floats: readonly number[] }
  | { string: string }
  | { tensor: TensorSpec };

export interface NodeSpec {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name?: string;
  domain?: string;
  attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface ValueSpec {
  name: string;
  type: ElementType;
  /** Numbers are fixed sizes, strings are symbolic (e.g. 'batch'). */
  shape: readonly (number | string)[];
}

export interface ModelSpec {
  graphName: string;
  producer: string;
  producerVersion: string;
  /** Default-domain opset; 17 is well supported by onnxruntime 1.x. */
  opset?: number;
  extraOpsets?: readonly { domain: string; version: number }[];
  nodes: readonly NodeSpec[];
  initializers: readonly TensorSpec[];
  inputs: readonly ValueSpec[];
  outputs: readonly ValueSpec[];
  metadata?: Readonly<Record<string, string>>;
  docString?: string;
}

const ATTRIBUTE_TYPES = { float: 1, int: 2, string: 3, tensor: 4, floats: 6, ints: 7 } as const;

function writeTensor(w: ProtoWriter, tensor: TensorSpec): void {
  const expected = tensor.dims.reduce((a, b) => a * b, 1);
  if (tensor.data.length !== expected) {
    throw new Error(
      `tensor ${tensor.name}: ${tensor.data.length} values for dims [${tensor.dims}]`,
    );
  }
  w.packedInts(1, tensor.dims);
  w.int(2, ELEMENT_TYPES[tensor.type]);
  w.string(8, tensor.name);
  // raw_data is little-endian; every platform Node runs on here is little-endian.
  w.bytes(9, new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
}

function writeAttribute(w: ProtoWriter, name: string, value: AttributeValue): void {
  w.string(1, name);
  if ('int' in value) w.int(20, ATTRIBUTE_TYPES.int).int(3, value.int);
  else if ('float' in value) w.int(20, ATTRIBUTE_TYPES.float).float(2, value.float);
  else if ('ints' in value) w.int(20, ATTRIBUTE_TYPES.ints).packedInts(8, value.ints);
  else if ('floats' in value) w.int(20, ATTRIBUTE_TYPES.floats).packedFloats(7, value.floats);
  else if ('string' in value) w.int(20, ATTRIBUTE_TYPES.string).string(4, value.string);
  else w.int(20, ATTRIBUTE_TYPES.tensor).message(5, (t) => writeTensor(t, value.tensor));
}

function writeValueInfo(w: ProtoWriter, value: ValueSpec): void {
  w.string(1, value.name);
  w.message(2, (type) =>
    type.message(1, (tensorType) => {
      tensorType.int(1, ELEMENT_TYPES[value.type]);
      tensorType.message(2, (shape) => {
        for (const dim of value.shape) {
          shape.message(1, (d) => (typeof dim === 'number' ? d.int(1, dim) : d.string(2, dim)));
        }
      });
    }),
  );
}

function writeNode(w: ProtoWriter, node: NodeSpec): void {
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  if (node.name) w.string(3, node.name);
  w.string(4, node.op);
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    w.message(5, (a) => writeAttribute(a, name, value));
  }
  if (node.domain) w.string(7, node.domain);
}

export function encodeOnnxModel(spec: ModelSpec): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, 8); // ir_version 8: opset 17/18 era, read by every onnxruntime 1.x since 1.14
  w.string(2, spec.producer);
  w.string(3, spec.producerVersion);
  if (spec.docString) w.string(6, spec.docString);
  w.message(7, (g) => {
    for (const node of spec.nodes) g.message(1, (n) => writeNode(n, node));
    g.string(2, spec.graphName);
    for (const init of spec.initializers) g.message(5, (t) => writeTensor(t, init));
    for (const input of spec.inputs) g.message(11, (v) => writeValueInfo(v, input));
    for (const output of spec.outputs) g.message(12, (v) => writeValueInfo(v, output));
  });
  w.message(8, (o) => o.string(1, '').int(2, spec.opset ?? 17));
  for (const extra of spec.extraOpsets ?? []) {
    w.message(8, (o) => o.string(1, extra.domain).int(2, extra.version));
  }
  for (const [key, value] of Object.entries(spec.metadata ?? {})) {
    w.message(14, (m) => m.string(1, key).string(2, value));
  }
  return w.finish();
}
