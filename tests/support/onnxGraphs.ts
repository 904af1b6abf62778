import protobuf from 'protobufjs';

// Tiny hand-built ONNX graphs for tests: an encoder for the fields a loadable model needs (onnx/onnx.proto field
// numbers: ModelProto, OperatorSetIdProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto,
// TypeProto.Tensor, TensorShapeProto). The reader in adapters/model decodes a subset of the same schema; the two
// are kept apart on purpose: onnxruntime loading these graphs checks this encoder's field numbers, and the reader
// decoding them checks its own, which a shared descriptor could not.

const SCHEMA = {
  nested: {
    ModelProto: {
      fields: {
        irVersion: { type: 'int64', id: 1 },
        producerName: { type: 'string', id: 2 },
        graph: { type: 'GraphProto', id: 7 },
        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
      },
    },
    OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
    GraphProto: {
      fields: {
        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
        name: { type: 'string', id: 2 },
        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
      },
    },
    ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
    TypeProto: { fields: { tensorType: { type: 'TensorType', id: 1 } } },
    TensorType: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
    TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
    Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
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
      },
    },
  },
};

const root = protobuf.Root.fromJSON(SCHEMA);
const Model = root.lookupType('ModelProto');
const FLOAT = 1;
const INT64 = 7;
const encoder = new TextEncoder();

/** An attribute value: a number (float unless `int`), a string, or a list of numbers or strings. */
export type AttributeValue = number | string | readonly number[] | readonly string[] | { readonly int: number };

/** An ONNX node for `graphModel`. */
export interface GraphNode {
  readonly op: string;
  readonly domain?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  /** Names of attributes whose number lists are INTS (others are FLOATS). */
  readonly ints?: readonly string[];
}

function attributeOf(name: string, value: AttributeValue, ints: readonly string[]): Record<string, unknown> {
  if (typeof value === 'string') return { name, type: 3, s: encoder.encode(value) };
  if (typeof value === 'number') return { name, type: 1, f: value };
  if (!Array.isArray(value)) return { name, type: 2, i: (value as { int: number }).int };
  if (value.length > 0 && typeof value[0] === 'string') {
    return { name, type: 8, strings: (value as string[]).map((text) => encoder.encode(text)) };
  }
  return ints.includes(name) ? { name, type: 7, ints: value } : { name, type: 6, floats: value };
}

const tensorInfo = (name: string, elemType: number, dims: readonly (number | string)[]): Record<string, unknown> => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
    },
  },
});

/**
 * Model bytes: float input `input` of shape [N, features], the nodes, float scalar initializers, and float outputs
 * (`outputs[name]` = width per row; an int64 label output is declared with width 0).
 */
export function graphModel(options: {
  readonly features: number;
  readonly nodes: readonly GraphNode[];
  readonly outputs: Readonly<Record<string, number>>;
  readonly scalars?: Readonly<Record<string, number>>;
  readonly mlOpset?: number;
}): Uint8Array {
  const intNames = [
    'nodes_treeids',
    'nodes_nodeids',
    'nodes_featureids',
    'nodes_truenodeids',
    'nodes_falsenodeids',
    'nodes_missing_value_tracks_true',
    'class_treeids',
    'class_nodeids',
    'class_ids',
    'classlabels_int64s',
    'target_treeids',
    'target_nodeids',
    'target_ids',
  ];
  const message = Model.fromObject({
    irVersion: 8,
    producerName: 'intraday tests',
    opsetImport: [
      { domain: '', version: 15 },
      { domain: 'ai.onnx.ml', version: options.mlOpset ?? 3 },
    ],
    graph: {
      name: 'test',
      node: options.nodes.map((node, k) => ({
        name: `n${k}`,
        opType: node.op,
        domain: node.domain ?? '',
        input: node.inputs,
        output: node.outputs,
        attribute: Object.entries(node.attributes ?? {}).map(([name, value]) =>
          attributeOf(name, value, [...intNames, ...(node.ints ?? [])]),
        ),
      })),
      initializer: Object.entries(options.scalars ?? {}).map(([name, value]) => ({
        name,
        dataType: FLOAT,
        dims: [],
        floatData: [value],
      })),
      input: [tensorInfo('input', FLOAT, ['N', options.features])],
      output: Object.entries(options.outputs).map(([name, width]) =>
        width === 0 ? tensorInfo(name, INT64, ['N']) : tensorInfo(name, FLOAT, ['N', width]),
      ),
    },
  });
  return Model.encode(message).finish();
}

/** One tree of a hand-built ensemble: internal nodes `[id, feature, threshold, mode, trueId, falseId, missingTrue]`
 * and leaves `[id, output, weight]` (a leaf may be listed twice for two outputs). */
export interface HandTree {
  readonly splits: readonly (readonly [number, number, number, string, number, number, number])[];
  readonly leaves: readonly (readonly [number, number, number])[];
}

/** The node and weight attributes of hand-built trees (`class_` or `target_` prefix for the weights). */
export function treeAttributes(trees: readonly HandTree[], prefix: 'class' | 'target'): Record<string, AttributeValue> {
  const a = {
    treeIds: [] as number[],
    nodeIds: [] as number[],
    features: [] as number[],
    values: [] as number[],
    modes: [] as string[],
    onTrue: [] as number[],
    onFalse: [] as number[],
    missing: [] as number[],
    wTree: [] as number[],
    wNode: [] as number[],
    wId: [] as number[],
    wValue: [] as number[],
  };
  trees.forEach((tree, t) => {
    const leafIds = [...new Set(tree.leaves.map(([id]) => id))];
    const nodes = [
      ...tree.splits.map((split) => ({ id: split[0], split })),
      ...leafIds.map((id) => ({ id, split: null })),
    ].sort((x, y) => x.id - y.id);
    for (const { id, split } of nodes) {
      a.treeIds.push(t);
      a.nodeIds.push(id);
      a.features.push(split ? split[1] : 0);
      a.values.push(split ? split[2] : 0);
      a.modes.push(split ? split[3] : 'LEAF');
      a.onTrue.push(split ? split[4] : 0);
      a.onFalse.push(split ? split[5] : 0);
      a.missing.push(split ? split[6] : 0);
    }
    for (const [id, output, weight] of tree.leaves) {
      a.wTree.push(t);
      a.wNode.push(id);
      a.wId.push(output);
      a.wValue.push(weight);
    }
  });
  return {
    nodes_treeids: a.treeIds,
    nodes_nodeids: a.nodeIds,
    nodes_featureids: a.features,
    nodes_values: a.values,
    nodes_modes: a.modes,
    nodes_truenodeids: a.onTrue,
    nodes_falsenodeids: a.onFalse,
    nodes_missing_value_tracks_true: a.missing,
    [`${prefix}_treeids`]: a.wTree,
    [`${prefix}_nodeids`]: a.wNode,
    [`${prefix}_ids`]: a.wId,
    [`${prefix}_weights`]: a.wValue,
  };
}
