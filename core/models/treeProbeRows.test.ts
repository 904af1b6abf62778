import { describe, expect, it } from 'vitest';
import { Aggregate, NodeMode, PostTransform, type TreeEnsembleSpec } from './treeEnsembleSpec.js';
import { nextFloat32, treeProbeRows } from './treeProbeRows.js';

/** One BRANCH_LEQ split of feature 0 at 1.0 over two features; feature 1 is read by no node. */
const stump: TreeEnsembleSpec = {
  kind: 'regressor',
  width: 1,
  inputWidth: 2,
  baseValues: [],
  postTransform: PostTransform.NONE,
  aggregate: Aggregate.SUM,
  after: [],
  nodes: {
    treeIds: [0, 0, 0],
    nodeIds: [0, 1, 2],
    modes: [NodeMode.BRANCH_LEQ, NodeMode.LEAF, NodeMode.LEAF],
    featureIds: [0, 0, 0],
    values: [1, 0, 0],
    trueIds: [1, 0, 0],
    falseIds: [2, 0, 0],
    missingTracksTrue: [0, 0, 0],
  },
  weights: { treeIds: [0, 0], nodeIds: [1, 2], ids: [0, 0], values: [10, 20] },
};

describe('nextFloat32', () => {
  it('steps one float32 up or down, across zero too', () => {
    expect(nextFloat32(1, 1)).toBe(1 + 2 ** -23);
    expect(nextFloat32(1, -1)).toBe(1 - 2 ** -24);
    expect(nextFloat32(-1, 1)).toBe(-1 + 2 ** -24);
    expect(nextFloat32(0, -1)).toBe(-(2 ** -149));
  });
});

describe('treeProbeRows', () => {
  it('starts with the all-missing row and puts values just below, at and above each threshold, and NaN', () => {
    const s = stump;

    const rows = treeProbeRows(s, 200);
    const feature0 = new Set(Array.from({ length: 200 }, (_, r) => rows[(r + 1) * 2]));

    expect(rows.length).toBe(201 * 2);
    expect([rows[0], rows[1]]).toEqual([Number.NaN, Number.NaN]);
    expect(feature0).toEqual(new Set([nextFloat32(1, -1), 1, nextFloat32(1, 1), Number.NaN]));
    expect(treeProbeRows(s, 200), 'deterministic').toEqual(rows);
    expect(new Set(Array.from({ length: 200 }, (_, r) => rows[(r + 1) * 2 + 1])), 'a feature no node reads').toEqual(
      new Set([0, -1, 1, Number.NaN]),
    );
  });
});
