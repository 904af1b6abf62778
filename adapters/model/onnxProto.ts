import protobuf from 'protobufjs';

/**
 * The part of the ONNX protobuf schema that reading a tree ensemble needs, written by hand so no generated code
 * or .proto file ships with the project. Field numbers are those of onnx/onnx.proto (onnx 1.23.2, the version
 * the training venv pins): ModelProto, OperatorSetIdProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto. Unlisted fields are skipped by the decoder. int64 fields are read as int64 and converted with
 * `int64ToNumber`, which refuses values beyond 2^53 instead of rounding them.
 */
const SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
            sparseInitializer: { rule: 'repeated', type: 'bytes', id: 15 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 } } },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            t: { type: 'TensorProto', id: 5 },
            floats: { rule: 'repeated', type: 'float', id: 7 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            strings: { rule: 'repeated', type: 'bytes', id: 9 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            dataType: { type: 'int32', id: 2 },
            floatData: { rule: 'repeated', type: 'float', id: 4 },
            name: { type: 'string', id: 8 },
            rawData: { type: 'bytes', id: 9 },
            dataLocation: { type: 'int32', id: 14 },
          },
        },
      },
    },
  },
};

/** AttributeProto.AttributeType values used here (onnx.proto). */
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;
/** TensorProto.DataType.FLOAT. */
export const TENSOR_FLOAT = 1;

/** An int64 as protobufjs decodes it: a number, or a Long-like object when the `long` package is present. */
export type Int64 = number | { toNumber(): number; high: number; low: number; unsigned?: boolean };

export interface OnnxTensor {
  readonly name: string;
  readonly dims: readonly Int64[];
  readonly dataType: number;
  readonly floatData: readonly number[];
  readonly rawData: Uint8Array;
  readonly dataLocation: number;
}

export interface OnnxAttribute {
  readonly name: string;
  readonly type: number;
  readonly f: number;
  readonly i: Int64;
  readonly s: Uint8Array;
  readonly t: OnnxTensor | null;
  readonly floats: readonly number[];
  readonly ints: readonly Int64[];
  readonly strings: readonly Uint8Array[];
}

export interface OnnxNode {
  readonly input: readonly string[];
  readonly output: readonly string[];
  readonly name: string;
  readonly opType: string;
  readonly domain: string;
  readonly attribute: readonly OnnxAttribute[];
}

export interface OnnxGraph {
  readonly node: readonly OnnxNode[];
  readonly initializer: readonly OnnxTensor[];
  readonly input: readonly { readonly name: string }[];
  readonly output: readonly { readonly name: string }[];
  readonly sparseInitializer: readonly Uint8Array[];
}

export interface OnnxModel {
  readonly graph: OnnxGraph | null;
  readonly opsetImport: readonly { readonly domain: string; readonly version: Int64 }[];
}

/** The ModelProto message type of the schema above (tests encode small graphs with it). */
export const onnxModelType: protobuf.Type = protobuf.Root.fromJSON(SCHEMA).lookupType('onnx.ModelProto');
const modelType = onnxModelType;

/** Decodes ONNX model bytes into plain objects of the fields above; throws on bytes that are not a ModelProto. */
export function decodeOnnxModel(bytes: Uint8Array): OnnxModel {
  return modelType.decode(bytes) as unknown as OnnxModel;
}

/** An int64 field as a JavaScript number; throws when it does not fit exactly. */
export function int64ToNumber(value: Int64): number {
  const n = typeof value === 'number' ? value : value.toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`int64 value ${n} is beyond 2^53`);
  return n;
}

const utf8 = new TextDecoder();

/** A bytes field holding UTF-8 text (attribute strings). */
export function textOf(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}
