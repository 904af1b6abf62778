import { NODE_SLOTS, TreeEnsemble, type FlatTrees } from './TreeEnsemble.js';
import { Aggregate, NodeMode, PostTransform, type TreeEnsembleSpec } from './treeEnsembleSpec.js';

/** The evaluator, or why this ensemble cannot have one (the caller then keeps its other runtime). */
export type TreeEnsembleBuild =
  { readonly ok: true; readonly ensemble: TreeEnsemble } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): TreeEnsembleBuild => ({ ok: false, reason });
// A number key for the usual ids (tree < 2^32, node < 2^20: exact below 2^53), a string key for any other.
const key = (tree: number, node: number): number | string =>
  tree >= 0 && tree < 2 ** 32 && node >= 0 && node < 2 ** 20 ? tree * 2 ** 20 + node : `${tree}:${node}`;

/**
 * Checks an ensemble and lays it out as flat typed arrays, with onnxruntime's reading of the attributes
 * (tree_ensemble_common.h, TreeEnsembleCommon::Init): a tree starts wherever the tree id changes in attribute
 * order, so trees are evaluated and summed in attribute order; a leaf's weights keep their attribute order;
 * weights on internal nodes are ignored. What onnxruntime refuses at load (a duplicate node, a missing child,
 * a leaf without weights) is refused here too, and a cycle is refused before it could loop forever.
 */
export function buildTreeEnsemble(spec: TreeEnsembleSpec): TreeEnsembleBuild {
  const { nodes, weights, width } = spec;
  const count = nodes.treeIds.length;
  const lengths = [nodes.nodeIds, nodes.modes, nodes.featureIds, nodes.values, nodes.trueIds, nodes.falseIds];
  if (count === 0 || lengths.some((array) => array.length !== count)) {
    return fail(`the node attributes are empty or of different lengths (${count} tree ids)`);
  }
  if (weights.nodeIds.length !== weights.treeIds.length || weights.ids.length !== weights.treeIds.length) {
    return fail('the leaf weight attributes have different lengths');
  }
  if (weights.values.length !== weights.treeIds.length) return fail('the leaf weights and their ids differ in length');
  if (!(width >= 1)) return fail(`the output width is ${width}`);
  if (spec.kind === 'classifier' && width <= 2) {
    return fail(`a ${width}-class classifier: onnxruntime's binary scoring rules are not reproduced`);
  }
  if (spec.baseValues.length !== 0 && spec.baseValues.length !== width) {
    return fail(`${spec.baseValues.length} base values for ${width} outputs`);
  }
  if (!Object.values(PostTransform).includes(spec.postTransform)) return fail(`post_transform ${spec.postTransform}`);
  if (!Object.values(Aggregate).includes(spec.aggregate)) return fail(`aggregate_function ${spec.aggregate}`);

  const index = new Map<number | string, number>();
  for (let i = 0; i < count; i++) {
    const id = key(nodes.treeIds[i]!, nodes.nodeIds[i]!);
    if (index.has(id)) return fail(`node ${nodes.nodeIds[i]} of tree ${nodes.treeIds[i]} appears twice`);
    index.set(id, i);
    const mode = nodes.modes[i]!;
    if (!(mode >= NodeMode.BRANCH_LEQ && mode <= NodeMode.LEAF)) return fail(`node ${i} has mode ${mode}`);
    const feature = nodes.featureIds[i]!;
    if (mode !== NodeMode.LEAF && !(feature >= 0 && feature < spec.inputWidth)) {
      return fail(`node ${i} reads feature ${feature} of ${spec.inputWidth}`);
    }
  }

  // Leaf weights in attribute order per leaf (onnxruntime sorts (tree, node, position) pairs); weights on an
  // internal node are ignored (-1), as onnxruntime ignores them.
  const weightNode = new Int32Array(weights.treeIds.length);
  const perNode = new Int32Array(count);
  for (let k = 0; k < weights.treeIds.length; k++) {
    const at = index.get(key(weights.treeIds[k]!, weights.nodeIds[k]!));
    if (at === undefined) return fail(`weight ${k} names node ${weights.nodeIds[k]} of tree ${weights.treeIds[k]}`);
    const id = weights.ids[k]!;
    const onLeaf = nodes.modes[at] === NodeMode.LEAF;
    if (onLeaf && !(id >= 0 && id < width)) return fail(`weight ${k} is for output ${id} of ${width}`);
    weightNode[k] = onLeaf ? at : -1;
    if (onLeaf) perNode[at]!++;
  }

  // Internal nodes and leaves are numbered apart, so the walk touches a buffer of internal nodes only.
  const leafOf = new Int32Array(count).fill(-1);
  const internalOf = new Int32Array(count).fill(-1);
  let leaves = 0;
  let internal = 0;
  for (let i = 0; i < count; i++) {
    if (nodes.modes[i] !== NodeMode.LEAF) {
      internalOf[i] = internal++;
      continue;
    }
    if (perNode[i] === 0) return fail(`leaf ${nodes.nodeIds[i]} of tree ${nodes.treeIds[i]} has no weight`);
    leafOf[i] = leaves++;
  }
  const weightCount = perNode.reduce((sum, n) => sum + n, 0);
  const packed = new ArrayBuffer(internal * NODE_SLOTS * 4);
  const roots: number[] = [];
  const flat: FlatTrees = {
    nodeInt: new Int32Array(packed),
    nodeFloat: new Float32Array(packed),
    mode: new Uint8Array(internal),
    roots: new Int32Array(0),
    leafStart: new Int32Array(leaves + 1),
    weightTarget: new Int32Array(weightCount),
    weightValue: new Float64Array(weightCount),
    sameMode: -1,
    singleWeight: weightCount === leaves,
  };
  // A child is a node index (>= 0) or ~leaf (< 0), so the walk stops on the sign alone.
  const pointer = (i: number): number => (leafOf[i]! >= 0 ? ~leafOf[i]! : internalOf[i]!);
  let sameMode = -2;
  for (let i = 0; i < count; i++) {
    const mode = nodes.modes[i]!;
    if (mode === NodeMode.LEAF) continue;
    const tree = nodes.treeIds[i]!;
    const onTrue = index.get(key(tree, nodes.trueIds[i]!));
    const onFalse = index.get(key(tree, nodes.falseIds[i]!));
    if (onTrue === undefined || onFalse === undefined) {
      return fail(`node ${nodes.nodeIds[i]} of tree ${tree}: no child`);
    }
    if (onTrue === i || onFalse === i) return fail(`node ${nodes.nodeIds[i]} of tree ${tree} points to itself`);
    const missingTrue = i < nodes.missingTracksTrue.length && nodes.missingTracksTrue[i] === 1 ? 1 : 0;
    const at = internalOf[i]! * NODE_SLOTS;
    flat.nodeFloat[at] = nodes.values[i]!;
    flat.nodeInt[at + 1] = nodes.featureIds[i]! * 2 + missingTrue;
    flat.nodeInt[at + 2] = pointer(onTrue);
    flat.nodeInt[at + 3] = pointer(onFalse);
    flat.mode[internalOf[i]!] = mode;
    sameMode = sameMode === -2 || sameMode === mode ? mode : -1;
  }
  flat.sameMode = sameMode;
  // Counting sort of the weights by leaf: starts from the counts, then each weight into its leaf's next slot.
  let w = 0;
  for (let i = 0; i < count; i++) {
    if (leafOf[i]! < 0) continue;
    flat.leafStart[leafOf[i]!] = w;
    w += perNode[i]!;
  }
  flat.leafStart[leaves] = w;
  const next = flat.leafStart.slice(0, leaves);
  for (let k = 0; k < weightNode.length; k++) {
    if (weightNode[k]! < 0) continue;
    const slot = next[leafOf[weightNode[k]!]!]!++;
    flat.weightTarget[slot] = weights.ids[k]!;
    flat.weightValue[slot] = Math.fround(weights.values[k]!);
  }
  for (let i = 0; i < count; i++) {
    if (i === 0 || nodes.treeIds[i] !== nodes.treeIds[i - 1]) roots.push(pointer(i));
  }
  flat.roots = Int32Array.from(roots);
  const cycle = findCycle(flat);
  if (cycle >= 0) return fail(`the trees are not trees: node index ${cycle} is reached again on one path`);
  return { ok: true, ensemble: new TreeEnsemble(spec, flat) };
}

/** The first node index that a path from a root revisits (a cycle), or -1. */
function findCycle(flat: FlatTrees): number {
  const state = new Uint8Array(flat.mode.length); // 0 new, 1 on the current path, 2 done
  const stack: number[] = [];
  for (const root of flat.roots) {
    if (root < 0 || state[root] === 2) continue;
    stack.push(root);
    while (stack.length > 0) {
      const n = stack[stack.length - 1]!;
      if (state[n] === 0) {
        state[n] = 1;
        for (const child of [flat.nodeInt[n * NODE_SLOTS + 2]!, flat.nodeInt[n * NODE_SLOTS + 3]!]) {
          if (child < 0 || state[child] === 2) continue;
          if (state[child] === 1) return child;
          stack.push(child);
        }
      } else {
        stack.pop();
        state[n] = 2;
      }
    }
  }
  return -1;
}
