import { describe, expect, it } from 'vitest';
import { buildTreeEnsemble } from './buildTreeEnsemble.js';
import { probit32 } from './scoreTransforms.js';
import type { TreeEnsemble } from './TreeEnsemble.js';
import { Aggregate, NodeMode, PostTransform, type ScalarStep, type TreeEnsembleSpec } from './treeEnsembleSpec.js';
import { nextFloat32 } from './treeProbeRows.js';

// Hand-built ensembles with hand-computed outputs. Nodes: [tree, node, mode, feature, threshold, true, false,
// missing-goes-true]; weights: [tree, node, output, value].
type Node = readonly [number, number, NodeMode, number, number, number, number, number];
type Weight = readonly [number, number, number, number];

function spec(
  nodes: readonly Node[],
  weights: readonly Weight[],
  more: Partial<Omit<TreeEnsembleSpec, 'nodes' | 'weights'>> = {},
): TreeEnsembleSpec {
  return {
    kind: 'regressor',
    width: 1,
    inputWidth: 2,
    baseValues: [],
    postTransform: PostTransform.NONE,
    aggregate: Aggregate.SUM,
    after: [],
    ...more,
    nodes: {
      treeIds: nodes.map((n) => n[0]),
      nodeIds: nodes.map((n) => n[1]),
      modes: nodes.map((n) => n[2]),
      featureIds: nodes.map((n) => n[3]),
      values: nodes.map((n) => n[4]),
      trueIds: nodes.map((n) => n[5]),
      falseIds: nodes.map((n) => n[6]),
      missingTracksTrue: nodes.map((n) => n[7]),
    },
    weights: {
      treeIds: weights.map((w) => w[0]),
      nodeIds: weights.map((w) => w[1]),
      ids: weights.map((w) => w[2]),
      values: weights.map((w) => w[3]),
    },
  };
}

const L = NodeMode.LEAF;
/** One split on feature 0 at 1.0: the true branch gives 10, the false branch 20. */
const stump = (mode: NodeMode, missingTrue: number): TreeEnsembleSpec =>
  spec(
    [
      [0, 0, mode, 0, 1, 1, 2, missingTrue],
      [0, 1, L, 0, 0, 0, 0, 0],
      [0, 2, L, 0, 0, 0, 0, 0],
    ],
    [
      [0, 1, 0, 10],
      [0, 2, 0, 20],
    ],
  );

function built(s: TreeEnsembleSpec): TreeEnsemble {
  const result = buildTreeEnsemble(s);
  if (!result.ok) throw new Error(result.reason);
  return result.ensemble;
}

function predict(ensemble: TreeEnsemble, row: readonly number[]): number[] {
  const out = new Float64Array(ensemble.width);
  ensemble.predictRow(Float32Array.from(row), out);
  return [...out];
}

describe('TreeEnsemble', () => {
  // x = 0.5, 1 (the threshold), 1.5, NaN: 10 = true branch, 20 = false branch.
  const cases: readonly [keyof typeof NodeMode, readonly number[]][] = [
    ['BRANCH_LEQ', [10, 10, 20, 20]],
    ['BRANCH_LT', [10, 20, 20, 20]],
    ['BRANCH_GTE', [20, 10, 10, 20]],
    ['BRANCH_GT', [20, 20, 10, 20]],
    ['BRANCH_EQ', [20, 10, 20, 20]],
    ['BRANCH_NEQ', [10, 20, 10, 10]],
  ];
  for (const [mode, expected] of cases) {
    it(`sends each value the right way at a ${mode} node, and NaN by the missing rule`, () => {
      const tracksFalse = built(stump(NodeMode[mode], 0));
      const tracksTrue = built(stump(NodeMode[mode], 1));

      const got = [0.5, 1, 1.5, Number.NaN].map((x) => predict(tracksFalse, [x, 0])[0]);

      expect(got).toEqual(expected);
      expect(predict(tracksTrue, [Number.NaN, 0])[0], 'missing value tracks true').toBe(10);
    });
  }

  it('walks a mix of modes in one ensemble', () => {
    const s = spec(
      [
        [0, 0, NodeMode.BRANCH_LEQ, 0, 0, 1, 2, 0],
        [0, 1, L, 0, 0, 0, 0, 0],
        [0, 2, NodeMode.BRANCH_GT, 1, 5, 3, 4, 1],
        [0, 3, L, 0, 0, 0, 0, 0],
        [0, 4, L, 0, 0, 0, 0, 0],
      ],
      [
        [0, 1, 0, 1],
        [0, 3, 0, 2],
        [0, 4, 0, 3],
      ],
    );
    const ensemble = built(s);

    expect([
      predict(ensemble, [-1, 0])[0],
      predict(ensemble, [1, 6])[0],
      predict(ensemble, [1, 5])[0],
      predict(ensemble, [1, Number.NaN])[0],
    ]).toEqual([1, 2, 3, 2]);
  });

  it('compares float32 inputs with float32 thresholds and sums in float32', () => {
    const s = spec(
      [
        [0, 0, NodeMode.BRANCH_LEQ, 0, 0.1, 1, 2, 0],
        [0, 1, L, 0, 0, 0, 0, 0],
        [0, 2, L, 0, 0, 0, 0, 0],
        [1, 0, L, 0, 0, 0, 0, 0],
      ],
      [
        [0, 1, 0, 100_000_000],
        [0, 2, 0, 0],
        [1, 0, 0, 1],
      ],
    );
    const ensemble = built(s);

    // 0.1 and fround(0.1) are the same float32, so the split holds; 1e8 + 1 is 1e8 in float32 (spacing 8).
    expect(predict(ensemble, [0.1, 0])[0]).toBe(100_000_000);
    expect(predict(ensemble, [nextFloat32(Math.fround(0.1), 1), 0])[0], 'just above the threshold').toBe(1);
  });

  it('aggregates a regressor by SUM, AVERAGE, MIN and MAX, then adds the base value', () => {
    // Three trees, each a single leaf: 1, 4 and -2; base value 0.5.
    const nodes: Node[] = [0, 1, 2].map((t) => [t, 0, L, 0, 0, 0, 0, 0] as const);
    const weights: Weight[] = [
      [0, 0, 0, 1],
      [1, 0, 0, 4],
      [2, 0, 0, -2],
    ];
    const value = (aggregate: Aggregate): number =>
      predict(built(spec(nodes, weights, { aggregate, baseValues: [0.5] })), [0, 0])[0]!;

    expect(value(Aggregate.SUM)).toBe(3.5);
    expect(value(Aggregate.AVERAGE)).toBe(1.5);
    expect(value(Aggregate.MIN)).toBe(-1.5);
    expect(value(Aggregate.MAX)).toBe(4.5);
  });

  it('adds every weight of a leaf to its own output (two targets)', () => {
    const s = spec(
      [[0, 0, L, 0, 0, 0, 0, 0]],
      [
        [0, 0, 0, 2],
        [0, 0, 1, -3],
      ],
      { width: 2, baseValues: [0.5, 1] },
    );

    expect(predict(built(s), [0, 0])).toEqual([2.5, -2]);
  });

  describe('post transforms of a three-class classifier with scores [1, 0, -1]', () => {
    // One leaf-only tree voting 1 for class 0 and -1 for class 2; class 1 gets nothing (score 0).
    const classifier = (postTransform: PostTransform, after: ScalarStep[] = []): TreeEnsemble =>
      built(
        spec(
          [[0, 0, L, 0, 0, 0, 0, 0]],
          [
            [0, 0, 0, 1],
            [0, 0, 2, -1],
          ],
          { kind: 'classifier', width: 3, postTransform, after },
        ),
      );
    const e = Math.E;

    it('NONE leaves the scores', () => {
      expect(predict(classifier(PostTransform.NONE), [0, 0])).toEqual([1, 0, -1]);
    });

    it('SOFTMAX gives e^s / sum e^s', () => {
      const sum = e + 1 + 1 / e;
      const got = predict(classifier(PostTransform.SOFTMAX), [0, 0]);

      [e / sum, 1 / sum, 1 / e / sum].forEach((p, k) => expect(got[k]).toBeCloseTo(p, 7));
      expect(got[0]).toBeCloseTo(0.66524096, 7);
    });

    it('SOFTMAX_ZERO leaves a zero score out of the sum', () => {
      const got = predict(classifier(PostTransform.SOFTMAX_ZERO), [0, 0]);

      // exp(1 - 1) = 1 and exp(-1 - 1) = e^-2 share the mass; the zero score stays 0.
      expect(got[0]).toBeCloseTo(1 / (1 + e ** -2), 7);
      expect(got[1]).toBe(0);
      expect(got[2]).toBeCloseTo(e ** -2 / (1 + e ** -2), 7);
    });

    it('LOGISTIC maps each score through 1 / (1 + e^-s)', () => {
      const got = predict(classifier(PostTransform.LOGISTIC), [0, 0]);

      expect(got[0]).toBeCloseTo(1 / (1 + 1 / e), 7);
      expect(got[1]).toBe(0.5);
      expect(got[2]).toBeCloseTo(1 / (1 + e), 7);
    });

    it('applies the scalar steps after the transform (2 * p, then 1 - that)', () => {
      const steps: ScalarStep[] = [
        { op: 'mul', constant: 2, constantFirst: false },
        { op: 'sub', constant: 1, constantFirst: true },
      ];

      expect(predict(classifier(PostTransform.NONE, steps), [0, 0])).toEqual([-1, 1, 3]);
    });
  });

  it('approximates the probit like onnxruntime (Winitzki erfinv): 0 at 0.5, about 1.96 at 0.975', () => {
    expect(probit32(0.5)).toBe(0);
    expect(Math.abs(probit32(0.975) - 1.959964)).toBeLessThan(5e-3);
    expect(probit32(0.025), 'odd up to float32 rounding of 2p - 1').toBeCloseTo(-probit32(0.975), 5);
  });

  it('applies PROBIT, and only PROBIT, to a single-target regressor', () => {
    const single = (postTransform: PostTransform): number =>
      predict(built(spec([[0, 0, L, 0, 0, 0, 0, 0]], [[0, 0, 0, 0.975]], { postTransform })), [0, 0])[0]!;

    expect(single(PostTransform.PROBIT)).toBe(probit32(Math.fround(0.975)));
    expect(single(PostTransform.LOGISTIC), 'onnxruntime ignores other transforms for one output').toBe(
      Math.fround(0.975),
    );
  });

  it('starts a tree wherever the tree id changes, as onnxruntime does', () => {
    // Tree 0, then tree 1, then tree 0 again: onnxruntime sees three trees, the last rooted at node 1 of tree 0.
    const s = spec(
      [
        [0, 0, L, 0, 0, 0, 0, 0],
        [1, 0, L, 0, 0, 0, 0, 0],
        [0, 1, L, 0, 0, 0, 0, 0],
      ],
      [
        [0, 0, 0, 1],
        [1, 0, 0, 10],
        [0, 1, 0, 100],
      ],
    );

    expect(built(s).trees).toBe(3);
    expect(predict(built(s), [0, 0])[0]).toBe(111);
  });

  describe('refuses what it does not support or onnxruntime would not load', () => {
    const reason = (s: TreeEnsembleSpec): string => {
      const result = buildTreeEnsemble(s);
      return result.ok ? 'built' : result.reason;
    };
    const leaf: Node = [0, 1, L, 0, 0, 0, 0, 0];

    it('a binary classifier', () => {
      expect(reason({ ...stump(NodeMode.BRANCH_LEQ, 0), kind: 'classifier', width: 2 })).toContain('binary');
    });

    it('a missing child, a leaf without weight, a cycle, a duplicate node, a feature beyond the row', () => {
      const noChild = spec([[0, 0, NodeMode.BRANCH_LEQ, 0, 1, 1, 9, 0], leaf], [[0, 1, 0, 1]]);
      const noWeight = spec(
        [[0, 0, NodeMode.BRANCH_LEQ, 0, 1, 1, 2, 0], leaf, [0, 2, L, 0, 0, 0, 0, 0]],
        [[0, 1, 0, 1]],
      );
      const cycle = spec(
        [
          [0, 0, NodeMode.BRANCH_LEQ, 0, 1, 1, 2, 0],
          [0, 1, NodeMode.BRANCH_LEQ, 0, 1, 0, 2, 0],
          [0, 2, L, 0, 0, 0, 0, 0],
        ],
        [[0, 2, 0, 1]],
      );
      const twice = spec([leaf, leaf], [[0, 1, 0, 1]]);
      const wide = spec([[0, 0, NodeMode.BRANCH_LEQ, 5, 1, 1, 1, 0], leaf], [[0, 1, 0, 1]]);

      expect(reason(noChild)).toBe('node 0 of tree 0: no child');
      expect(reason(noWeight)).toBe('leaf 2 of tree 0 has no weight');
      expect(reason(cycle)).toContain('not trees');
      expect(reason(twice)).toBe('node 1 of tree 0 appears twice');
      expect(reason(wide)).toBe('node 0 reads feature 5 of 2');
    });
  });
});
