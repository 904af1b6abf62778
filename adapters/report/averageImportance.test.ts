import { describe, expect, it } from 'vitest';
import { averageImportance } from './averageImportance.js';
import type { FoldImportance } from './ReportData.js';

describe('averageImportance', () => {
  it('averages each fold share of gain, so a fold with more trees does not dominate (hand-computed)', () => {
    // fold 0 shares: a 0.8, b 0.2; fold 1 (100x the gain) shares: a 0.3, b 0.7 -> a 0.55, b 0.45.
    // Summing raw gain instead would put b first (702 against 308).
    const folds = [
      { fold: 0, gain: { a: 8, b: 2 }, permutation: { a: 0.004, b: -0.001 } },
      { fold: 1, gain: { a: 300, b: 700 }, permutation: { a: 0.002, b: 0.003 } },
    ];

    const rows = averageImportance(['b', 'a'], folds);

    expect(rows.map((row) => row.feature)).toEqual(['a', 'b']);
    expect(rows[0].gainShare).toBeCloseTo(0.55, 12);
    expect(rows[1].gainShare).toBeCloseTo(0.45, 12);
    expect(rows[0].permutation).toBeCloseTo(0.003, 12);
    expect(rows[1].permutation).toBeCloseTo(0.001, 12);
  });

  it('counts a feature missing from a fold as zero gain and averages permutation only where measured', () => {
    const folds: FoldImportance[] = [
      { fold: 0, gain: { a: 1, b: 1 }, permutation: null },
      { fold: 1, gain: { a: 1 }, permutation: { a: 0.5 } },
    ];

    const rows = averageImportance(['a', 'b', 'c'], folds);

    expect(rows).toEqual([
      { feature: 'a', gainShare: 0.75, permutation: 0.5 },
      { feature: 'b', gainShare: 0.25, permutation: null },
      { feature: 'c', gainShare: 0, permutation: null },
    ]);
  });

  it('breaks ties by permutation, then by name', () => {
    const folds = [{ fold: 0, gain: { x: 1, y: 1, z: 1 }, permutation: { x: 0.1, y: 0.2, z: 0.1 } }];

    expect(averageImportance(['z', 'x', 'y'], folds).map((row) => row.feature)).toEqual(['y', 'x', 'z']);
  });
});
