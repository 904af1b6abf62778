import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { buildTreeEnsemble } from '../../core/models/buildTreeEnsemble.js';
import { graphModel, treeAttributes, type GraphNode, type HandTree } from '../../tests/support/onnxGraphs.js';
import { testCard } from '../../tests/support/modelFixtures.js';
import { OnnxSignalModel } from './OnnxSignalModel.js';
import { readTreeEnsemble } from './onnxTreeEnsemble.js';

// Tiny ensembles written by hand as ONNX graphs, run by the real onnxruntime-node and by the TypeScript evaluator;
// expected outputs are computed by hand (or by the textbook formula) and both runtimes must give them.

const ML = 'ai.onnx.ml';

/** Outputs of `rows` (each of `features` values) from onnxruntime and from the evaluator, row-major. */
async function bothRuntimes(
  bytes: Uint8Array,
  output: string,
  features: number,
  rows: readonly (readonly number[])[],
): Promise<{ onnx: number[]; typescript: number[] }> {
  const session = await ort.InferenceSession.create(bytes);
  const input = Float32Array.from(rows.flat());
  const result = await session.run({ input: new ort.Tensor('float32', input, [rows.length, features]) }, [output]);
  await session.release();
  const reading = readTreeEnsemble(bytes, 'input', output, features);
  if (!reading.supported) throw new Error(reading.reason);
  const built = buildTreeEnsemble(reading.spec);
  if (!built.ok) throw new Error(built.reason);
  const out = new Float64Array(built.ensemble.width);
  const typescript: number[] = [];
  rows.forEach((_, r) => {
    built.ensemble.predictRow(input.subarray(r * features, (r + 1) * features), out);
    typescript.push(...out);
  });
  return { onnx: [...(result[output]!.data as Float32Array)], typescript };
}

function regressor(
  trees: readonly HandTree[],
  more: Record<string, unknown> = {},
  after: GraphNode[] = [],
): Uint8Array {
  return graphModel({
    features: 2,
    nodes: [
      {
        op: 'TreeEnsembleRegressor',
        domain: ML,
        inputs: ['input'],
        outputs: [after.length > 0 ? 'raw' : 'value'],
        attributes: { n_targets: { int: 1 }, ...treeAttributes(trees, 'target'), ...more },
      },
      ...after,
    ],
    outputs: { value: 1 },
    // Only graphs that use them get the constants (onnxruntime warns about unused initializers).
    ...(after.length > 0 ? { scalars: { two: 2, one: 1 } } : {}),
  });
}

/** One split of feature 0 at 1.0 in `mode`: 10 on the true branch, 20 on the false one. */
const stump = (mode: string, missingTrue: number): HandTree => ({
  splits: [[0, 0, 1, mode, 1, 2, missingTrue]],
  leaves: [
    [1, 0, 10],
    [2, 0, 20],
  ],
});

describe('the TypeScript tree evaluator against onnxruntime on hand-built graphs', () => {
  const modes: readonly [string, readonly number[]][] = [
    ['BRANCH_LEQ', [10, 10, 20, 20]],
    ['BRANCH_LT', [10, 20, 20, 20]],
    ['BRANCH_GTE', [20, 10, 10, 20]],
    ['BRANCH_GT', [20, 20, 10, 20]],
    ['BRANCH_EQ', [20, 10, 20, 20]],
    ['BRANCH_NEQ', [10, 20, 10, 10]],
  ];
  const rows = [0.5, 1, 1.5, Number.NaN].map((x) => [x, 0]);
  for (const [mode, expected] of modes) {
    it(`${mode}: x = 0.5, 1, 1.5 and NaN go where the operator says, NaN to true when tracked`, async () => {
      const plain = await bothRuntimes(regressor([stump(mode, 0)]), 'value', 2, rows);
      const tracked = await bothRuntimes(regressor([stump(mode, 1)]), 'value', 2, [[Number.NaN, 0]]);

      expect(plain.onnx, 'onnxruntime').toEqual(expected);
      expect(plain.typescript).toEqual(expected);
      expect([tracked.onnx[0], tracked.typescript[0]]).toEqual([10, 10]);
    });
  }

  const aggregates: readonly [string, number][] = [
    ['SUM', 3.5],
    ['AVERAGE', 1.5],
    ['MIN', -1.5],
    ['MAX', 4.5],
  ];
  for (const [aggregate, expected] of aggregates) {
    it(`aggregates a regressor by ${aggregate} (leaves 1, 4, -2; base 0.5)`, async () => {
      const trees = [1, 4, -2].map((value) => ({
        splits: [[0, 0, 0, 'BRANCH_LEQ', 1, 2, 0]] as const,
        leaves: [[1, 0, value] as const, [2, 0, 99] as const],
      }));
      const bytes = regressor(trees, { aggregate_function: aggregate, base_values: [0.5] });

      const got = await bothRuntimes(bytes, 'value', 2, [[-1, 0]]);

      expect(got).toEqual({ onnx: [expected], typescript: [expected] });
    });
  }

  it('follows Identity, Mul and Sub with a constant first: value = 1 - 2 * trees', async () => {
    const after: GraphNode[] = [
      { op: 'Identity', inputs: ['raw'], outputs: ['copy'] },
      { op: 'Mul', inputs: ['copy', 'two'], outputs: ['doubled'] },
      { op: 'Sub', inputs: ['one', 'doubled'], outputs: ['value'] },
    ];

    const got = await bothRuntimes(regressor([stump('BRANCH_LEQ', 0)], {}, after), 'value', 2, rows);

    expect(got.onnx).toEqual([-19, -19, -39, -39]);
    expect(got.typescript).toEqual(got.onnx);
  });

  // One tree: x <= 0 gives class 0 +1 and class 2 -1 (two weights on one leaf), else class 1 +2.
  const classifier = (post: string): Uint8Array =>
    graphModel({
      features: 2,
      nodes: [
        {
          op: 'TreeEnsembleClassifier',
          domain: ML,
          inputs: ['input'],
          outputs: ['label', 'probabilities'],
          attributes: {
            classlabels_int64s: [0, 1, 2],
            post_transform: post,
            ...treeAttributes(
              [
                {
                  splits: [[0, 0, 0, 'BRANCH_LEQ', 1, 2, 0]],
                  leaves: [
                    [1, 0, 1],
                    [1, 2, -1],
                    [2, 1, 2],
                  ],
                },
              ],
              'class',
            ),
          },
        },
      ],
      outputs: { label: 0, probabilities: 3 },
    });
  const softmax = (s: number[]): number[] => s.map((v) => Math.exp(v) / s.reduce((sum, w) => sum + Math.exp(w), 0));
  const transforms: readonly [string, number[]][] = [
    ['NONE', [1, 0, -1, 0, 2, 0]],
    ['SOFTMAX', [...softmax([1, 0, -1]), ...softmax([0, 2, 0])]],
    ['LOGISTIC', [1, 0, -1, 0, 2, 0].map((s) => 1 / (1 + Math.exp(-s)))],
    // Zero scores stay out of the sum: [e^0, 0, e^-2] / (1 + e^-2), then [0, 1, 0].
    ['SOFTMAX_ZERO', [1 / (1 + Math.exp(-2)), 0, Math.exp(-2) / (1 + Math.exp(-2)), 0, 1, 0]],
  ];
  for (const [post, expected] of transforms) {
    it(`${post}: a three-class classifier gives the textbook values in both runtimes`, async () => {
      const got = await bothRuntimes(classifier(post), 'probabilities', 2, [
        [-1, 0],
        [1, 0],
      ]);

      got.onnx.forEach((p, k) => expect(p, `onnxruntime, value ${k}`).toBeCloseTo(expected[k]!, 6));
      got.typescript.forEach((p, k) => expect(Math.abs(p - got.onnx[k]!), `value ${k}`).toBeLessThanOrEqual(1e-7));
    });
  }

  it('PROBIT: the same Winitzki approximation as onnxruntime (scores 0.5, 0.975 and 0.025)', async () => {
    const bytes = graphModel({
      features: 2,
      nodes: [
        {
          op: 'TreeEnsembleRegressor',
          domain: ML,
          inputs: ['input'],
          outputs: ['value'],
          attributes: {
            n_targets: { int: 3 },
            post_transform: 'PROBIT',
            ...treeAttributes(
              [
                {
                  splits: [],
                  leaves: [
                    [0, 0, 0.5],
                    [0, 1, 0.975],
                    [0, 2, 0.025],
                  ],
                },
              ],
              'target',
            ),
          },
        },
      ],
      outputs: { value: 3 },
    });

    const got = await bothRuntimes(bytes, 'value', 2, [[0, 0]]);

    expect(got.onnx[0]).toBe(0);
    expect(Math.abs(got.onnx[1]! - 1.959964), 'close to the normal quantile').toBeLessThan(5e-3);
    got.typescript.forEach((p, k) => expect(Math.abs(p - got.onnx[k]!), `value ${k}`).toBeLessThanOrEqual(1e-6));
  });
});

describe('graphs the evaluator does not read', () => {
  it('names an unknown op between the ensemble and the output', () => {
    const bytes = regressor([stump('BRANCH_LEQ', 0)], {}, [{ op: 'Abs', inputs: ['raw'], outputs: ['value'] }]);

    expect(readTreeEnsemble(bytes, 'input', 'value', 2)).toEqual({
      supported: false,
      reason: 'op Abs (node "n1") sits between the input and output "value"',
    });
  });

  it('names an attribute it does not implement (the double-precision *_as_tensor forms)', () => {
    const bytes = regressor([stump('BRANCH_LEQ', 0)], { nodes_values_as_tensor: 'x' });

    expect(readTreeEnsemble(bytes, 'input', 'value', 2)).toEqual({
      supported: false,
      reason: 'TreeEnsembleRegressor attribute nodes_values_as_tensor',
    });
  });

  it('declines bytes that are not an ONNX model', () => {
    const reading = readTreeEnsemble(new Uint8Array([0xff, 0xff, 0xff]), 'input', 'value', 2);

    expect(reading.supported).toBe(false);
  });

  describe('OnnxSignalModel', () => {
    const card = testCard({
      task: 'regression',
      features: ['a', 'b'],
      target: { name: 'forward_return_5', type: 'regression', classes: null, horizon: 5 },
      classes: null,
      onnx: { input: 'input', probabilities: null, value: 'value', opset: 15 },
      signal: { kind: 'regression_scale', scale: 40 },
    });

    it('keeps onnxruntime for single rows of an unknown graph, says why, and still predicts', async () => {
      const bytes = regressor([stump('BRANCH_LEQ', 0)], {}, [{ op: 'Neg', inputs: ['raw'], outputs: ['value'] }]);

      const model = await OnnxSignalModel.fromBytes(bytes, card, 'neg graph');
      const one = await model.predictOne([0, 0]);
      await model.close();

      expect(model.singleRowRuntime).toEqual({
        kind: 'onnxruntime',
        reason:
          'the TypeScript evaluator does not read this graph: op Neg (node "n1") sits between the input and output "value"',
      });
      expect(one.signal, '-10 / 40').toBe(-0.25);
    });

    it('uses the TypeScript evaluator for a recognised graph and gives the same signal', async () => {
      const bytes = regressor([stump('BRANCH_LEQ', 0)]);

      const model = await OnnxSignalModel.fromBytes(bytes, card, 'stump graph');
      const forced = await OnnxSignalModel.fromBytes(bytes, card, 'stump graph', {
        singleRow: { runtime: 'onnxruntime' },
      });
      const [fast, reference] = [await model.predictOne([2, 0]), await forced.predictOne([2, 0])];
      await Promise.all([model.close(), forced.close()]);

      expect(model.singleRowRuntime.kind).toBe('typescript');
      expect(model.singleRowRuntime.reason).toMatch(
        /^regressor of 1 trees verified against onnxruntime on 301 probe rows/,
      );
      expect(forced.singleRowRuntime).toEqual({
        kind: 'onnxruntime',
        reason: 'forced by the option runtime: onnxruntime',
      });
      expect(fast).toEqual(reference);
      expect(fast.signal, '20 / 40').toBe(0.5);
    });
  });
});
