import {
  Aggregate,
  NodeMode,
  PostTransform,
  type ScalarStep,
  type TreeEnsembleSpec,
} from '../../core/models/treeEnsembleSpec.js';
import {
  AttributeType,
  decodeOnnxModel,
  int64ToNumber,
  TENSOR_FLOAT,
  textOf,
  type OnnxAttribute,
  type OnnxGraph,
  type OnnxNode,
  type OnnxTensor,
} from './onnxProto.js';

/** What reading an ONNX graph as a tree ensemble gives: the ensemble, or why it is not one this reader knows. */
export type TreeEnsembleReading =
  | { readonly supported: true; readonly spec: TreeEnsembleSpec }
  | { readonly supported: false; readonly reason: string };

/** Raised inside the reader for anything it does not support; turned into `{ supported: false, reason }`. */
class Unsupported extends Error {}
const unsupported = (reason: string): never => {
  throw new Unsupported(reason);
};

const ML_DOMAIN = 'ai.onnx.ml';
const FLOAT_CAST = 1; // TensorProto.DataType.FLOAT
const SCALAR_OPS: Readonly<Record<string, ScalarStep['op']>> = { Mul: 'mul', Add: 'add', Sub: 'sub', Div: 'div' };

// Every attribute of TreeEnsembleClassifier / TreeEnsembleRegressor (ai.onnx.ml opsets 1 and 3) that the
// evaluator implements; `nodes_hitrates` only guides optimizers. The *_as_tensor forms (double precision) and
// anything else make the reader decline.
const COMMON = [
  'nodes_treeids',
  'nodes_nodeids',
  'nodes_modes',
  'nodes_featureids',
  'nodes_values',
  'nodes_truenodeids',
  'nodes_falsenodeids',
  'nodes_missing_value_tracks_true',
  'nodes_hitrates',
  'base_values',
  'post_transform',
];
const KNOWN: Readonly<Record<string, ReadonlySet<string>>> = {
  TreeEnsembleClassifier: new Set([
    ...COMMON,
    'class_treeids',
    'class_nodeids',
    'class_ids',
    'class_weights',
    'classlabels_int64s',
    'classlabels_strings',
  ]),
  TreeEnsembleRegressor: new Set([
    ...COMMON,
    'target_treeids',
    'target_nodeids',
    'target_ids',
    'target_weights',
    'n_targets',
    'aggregate_function',
  ]),
};

/**
 * Reads the tree ensemble behind output `output` of an ONNX model whose only input is `input` (`inputWidth`
 * features): the TreeEnsembleClassifier or TreeEnsembleRegressor that reads the graph input directly, followed
 * only by Identity, Cast to float and Mul / Add / Sub / Div with a scalar float constant (what onnxmltools writes
 * for LightGBM and XGBoost). Anything else, an unknown op or attribute, is reported as unsupported, not thrown.
 */
export function readTreeEnsemble(
  onnx: Uint8Array,
  input: string,
  output: string,
  inputWidth: number,
): TreeEnsembleReading {
  try {
    let model;
    try {
      model = decodeOnnxModel(onnx);
    } catch (error) {
      return unsupported(`the ONNX bytes do not decode (${(error as Error).message})`);
    }
    if (!model.graph) return unsupported('the ONNX model has no graph');
    return { supported: true, spec: readGraph(model.graph, input, output, inputWidth) };
  } catch (error) {
    if (error instanceof Unsupported) return { supported: false, reason: error.message };
    return { supported: false, reason: `the graph could not be read (${(error as Error).message})` };
  }
}

function readGraph(graph: OnnxGraph, input: string, output: string, inputWidth: number): TreeEnsembleSpec {
  const producers = new Map<string, { node: OnnxNode; slot: number }>();
  for (const node of graph.node) node.output.forEach((name, slot) => producers.set(name, { node, slot }));
  const constants = new Map<string, OnnxTensor>(graph.initializer.map((tensor) => [tensor.name, tensor]));
  for (const node of graph.node) {
    const value = node.attribute.find((a) => a.name === 'value' && a.type === AttributeType.TENSOR)?.t;
    if (node.opType === 'Constant' && node.domain === '' && value) constants.set(node.output[0]!, value);
  }
  const steps: ScalarStep[] = [];
  let name = output;
  for (let hops = 0; ; hops++) {
    if (hops > graph.node.length) unsupported(`the graph loops above output "${output}"`);
    const producer = producers.get(name) ?? unsupported(`"${name}" is not produced by a node`);
    const { node, slot } = producer;
    const op = node.domain === '' || node.domain === 'ai.onnx' ? node.opType : `${node.domain}.${node.opType}`;
    if (op === 'Identity') {
      name = node.input[0]!;
    } else if (op === 'Cast') {
      const to = node.attribute.find((a) => a.name === 'to');
      if (!to || int64ToNumber(to.i) !== FLOAT_CAST) unsupported(`a Cast to a type other than float feeds "${name}"`);
      name = node.input[0]!;
    } else if (Object.hasOwn(SCALAR_OPS, op) && node.input.length === 2) {
      const at = node.input.findIndex((operand) => constants.has(operand));
      if (at < 0) unsupported(`${op} node "${node.name}" has no constant operand`);
      steps.unshift({
        op: SCALAR_OPS[op]!,
        constant: scalarOf(constants.get(node.input[at]!)!, op),
        constantFirst: at === 0,
      });
      name = node.input[1 - at]!;
    } else if (node.domain === ML_DOMAIN && Object.hasOwn(KNOWN, node.opType)) {
      return ensembleOf(node, slot, input, inputWidth, steps);
    } else {
      return unsupported(`op ${op} (node "${node.name}") sits between the input and output "${output}"`);
    }
  }
}

/** The value of a one-element float constant (shape [], [1] or [1, 1]: it broadcasts without changing shape). */
function scalarOf(tensor: OnnxTensor, op: string): number {
  const size = tensor.dims.reduce<number>((product, d) => product * int64ToNumber(d), 1);
  if (tensor.dataType !== TENSOR_FLOAT || size !== 1 || tensor.dims.length > 2 || tensor.dataLocation === 1) {
    unsupported(`the constant of ${op} is not one float32 value`);
  }
  if (tensor.floatData.length === 1) return Math.fround(tensor.floatData[0]!);
  const raw = tensor.rawData;
  if (raw.length !== 4) unsupported(`the constant of ${op} holds ${raw.length} raw bytes`);
  return new DataView(raw.buffer, raw.byteOffset, 4).getFloat32(0, true);
}

const MODE_BYTES = Object.entries(NodeMode).map(([name, mode]) => [new TextEncoder().encode(name), mode] as const);

/** A node mode from its UTF-8 bytes, compared byte by byte (a big model has one per node: 90,000 and more). */
function modeOf(bytes: Uint8Array): NodeMode {
  for (const [name, mode] of MODE_BYTES) {
    if (name.length !== bytes.length) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++) same = name[i] === bytes[i];
    if (same) return mode;
  }
  return unsupported(`node mode ${textOf(bytes)}`);
}

function ensembleOf(
  node: OnnxNode,
  slot: number,
  input: string,
  inputWidth: number,
  after: readonly ScalarStep[],
): TreeEnsembleSpec {
  const classifier = node.opType === 'TreeEnsembleClassifier';
  if (slot !== (classifier ? 1 : 0)) unsupported(`the output reads ${node.opType} output ${slot}`);
  if (node.input.length !== 1 || node.input[0] !== input) {
    unsupported(`${node.opType} reads ${JSON.stringify(node.input)}, not the graph input "${input}" alone`);
  }
  const attributes = new Map<string, OnnxAttribute>();
  for (const attribute of node.attribute) {
    if (!KNOWN[node.opType]!.has(attribute.name)) unsupported(`${node.opType} attribute ${attribute.name}`);
    attributes.set(attribute.name, attribute);
  }
  const ints = (name: string): number[] => (attributes.get(name)?.ints ?? []).map(int64ToNumber);
  const floats = (name: string): number[] => [...(attributes.get(name)?.floats ?? [])].map(Math.fround);
  const text = (name: string, fallback: string): string => {
    const attribute = attributes.get(name);
    return attribute ? textOf(attribute.s) : fallback;
  };
  const modes = (attributes.get('nodes_modes')?.strings ?? []).map(modeOf);
  const post = text('post_transform', 'NONE');
  if (!Object.hasOwn(PostTransform, post)) unsupported(`post_transform ${post}`);
  const aggregate = text('aggregate_function', 'SUM');
  if (!Object.hasOwn(Aggregate, aggregate)) unsupported(`aggregate_function ${aggregate}`);
  const prefix = classifier ? 'class' : 'target';
  const labels =
    attributes.get('classlabels_int64s')?.ints.length ?? attributes.get('classlabels_strings')?.strings.length;
  const width = classifier ? (labels ?? 0) : int64ToNumber(attributes.get('n_targets')?.i ?? 0);
  return {
    kind: classifier ? 'classifier' : 'regressor',
    width,
    inputWidth,
    nodes: {
      treeIds: ints('nodes_treeids'),
      nodeIds: ints('nodes_nodeids'),
      modes,
      featureIds: ints('nodes_featureids'),
      values: floats('nodes_values'),
      trueIds: ints('nodes_truenodeids'),
      falseIds: ints('nodes_falsenodeids'),
      missingTracksTrue: ints('nodes_missing_value_tracks_true'),
    },
    weights: {
      treeIds: ints(`${prefix}_treeids`),
      nodeIds: ints(`${prefix}_nodeids`),
      ids: ints(`${prefix}_ids`),
      values: floats(`${prefix}_weights`),
    },
    baseValues: floats('base_values'),
    postTransform: post as PostTransform,
    aggregate: aggregate as Aggregate,
    after,
  };
}
