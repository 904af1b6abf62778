/**
 * A tree ensemble as ai.onnx.ml TreeEnsembleClassifier / TreeEnsembleRegressor (opsets 1 and 3) describe it: one
 * entry per node in attribute order, one entry per leaf weight, plus the aggregation and the post transform.
 * Nothing here knows about protobuf or files: adapters/model decodes an ONNX graph into this shape and
 * `buildTreeEnsemble` turns it into flat arrays for single-row evaluation.
 * @see https://onnx.ai/onnx/operators/onnx_aionnxml_TreeEnsembleClassifier.html
 */

/** How an internal node compares the feature value `x` with its threshold `t` (true branch when it holds). */
export const NodeMode = {
  BRANCH_LEQ: 0,
  BRANCH_LT: 1,
  BRANCH_GTE: 2,
  BRANCH_GT: 3,
  BRANCH_EQ: 4,
  BRANCH_NEQ: 5,
  LEAF: 6,
} as const;
export type NodeMode = (typeof NodeMode)[keyof typeof NodeMode];

/** What happens to the aggregated scores before they are written (ONNX `post_transform`). */
export const PostTransform = {
  NONE: 'NONE',
  LOGISTIC: 'LOGISTIC',
  SOFTMAX: 'SOFTMAX',
  SOFTMAX_ZERO: 'SOFTMAX_ZERO',
  PROBIT: 'PROBIT',
} as const;
export type PostTransform = (typeof PostTransform)[keyof typeof PostTransform];

/** How a regressor combines the leaf values of one target over the trees (ONNX `aggregate_function`). */
export const Aggregate = { SUM: 'SUM', AVERAGE: 'AVERAGE', MIN: 'MIN', MAX: 'MAX' } as const;
export type Aggregate = (typeof Aggregate)[keyof typeof Aggregate];

/**
 * One element-wise float32 step between the ensemble and the fetched output (an ONNX Mul, Add, Sub or Div with a
 * scalar constant): `value op constant`, or `constant op value` when `constantFirst`.
 */
export interface ScalarStep {
  readonly op: 'mul' | 'add' | 'sub' | 'div';
  readonly constant: number;
  readonly constantFirst: boolean;
}

/** The node attributes, index i of every array describing node i (ONNX `nodes_*`). */
export interface TreeNodes {
  readonly treeIds: ArrayLike<number>;
  readonly nodeIds: ArrayLike<number>;
  readonly modes: ArrayLike<NodeMode>;
  readonly featureIds: ArrayLike<number>;
  /** Thresholds, already float32 values (ONNX stores them as floats). */
  readonly values: ArrayLike<number>;
  readonly trueIds: ArrayLike<number>;
  readonly falseIds: ArrayLike<number>;
  /** 1 where a missing (NaN) value takes the true branch; may be shorter than the nodes (absent = 0). */
  readonly missingTracksTrue: ArrayLike<number>;
}

/** The leaf weights (ONNX `class_*` or `target_*`): weight k adds `values[k]` to output `ids[k]`. */
export interface LeafWeights {
  readonly treeIds: ArrayLike<number>;
  readonly nodeIds: ArrayLike<number>;
  readonly ids: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/** A whole ensemble and what follows it up to the output the model fetches. */
export interface TreeEnsembleSpec {
  readonly kind: 'classifier' | 'regressor';
  /** Output values per row: classes (classifier) or `n_targets` (regressor). */
  readonly width: number;
  /** Features per input row. */
  readonly inputWidth: number;
  readonly nodes: TreeNodes;
  readonly weights: LeafWeights;
  /** Added to each output (`base_values`); empty, or one per output (one value for a single-target regressor). */
  readonly baseValues: readonly number[];
  readonly postTransform: PostTransform;
  /** Regressors only; a classifier always sums. */
  readonly aggregate: Aggregate;
  /** Element-wise steps applied after the post transform, in graph order. */
  readonly after: readonly ScalarStep[];
}
