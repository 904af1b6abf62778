import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageRanks } from './averageRanks.js';
import { informationCoefficient } from './informationCoefficient.js';
import { pearsonCorrelation } from './pearsonCorrelation.js';
import { spearmanCorrelation } from './spearmanCorrelation.js';

// x = 1..5, y = 2, 4, 5, 4, 5. Means 3 and 4; dx = -2, -1, 0, 1, 2; dy = -2, 0, 1, 0, 1.
// Pearson: sxy = 4 + 0 + 0 + 0 + 2 = 6, sxx = 10, syy = 4 + 0 + 1 + 0 + 1 = 6 -> 6 / sqrt(60).
// Spearman: ranks of y = 1, 2.5, 4.5, 2.5, 4.5 (ties averaged), mean 3; dy = -2, -0.5, 1.5, -0.5, 1.5;
// sxy = 4 + 0.5 + 0 - 0.5 + 3 = 7, syy = 4 + 0.25 + 2.25 + 0.25 + 2.25 = 9 -> 7 / sqrt(90).
const X = [1, 2, 3, 4, 5];
const Y = [2, 4, 5, 4, 5];

describe('averageRanks', () => {
  it('gives tied values the mean of the ranks they span', () => {
    const values = [10, 30, 20, 30, 30, -5];

    const ranks = Array.from(averageRanks(values));

    // Sorted: -5 (1), 10 (2), 20 (3), 30 30 30 (4, 5, 6 -> 5).
    expect(ranks).toEqual([2, 5, 3, 5, 5, 1]);
  });
});

describe('pearsonCorrelation and spearmanCorrelation', () => {
  it('match the hand computation', () => {
    const values = [pearsonCorrelation(X, Y), spearmanCorrelation(X, Y)];

    expect(values[0]).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(values[1]).toBeCloseTo(7 / Math.sqrt(90), 14);
  });

  it('skip pairs where either value is not finite', () => {
    const x = [1, Number.NaN, 2, 3, 4, 7, 5];
    const y = [2, 9, 4, 5, 4, Number.NaN, 5];

    const values = [pearsonCorrelation(x, y), spearmanCorrelation(x, y)];

    expect(values[0]).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(values[1]).toBeCloseTo(7 / Math.sqrt(90), 14);
  });

  it('are NaN below two pairs or with a constant side', () => {
    const values = [
      pearsonCorrelation([1], [2]),
      pearsonCorrelation([1, 1, 1], [1, 2, 3]),
      spearmanCorrelation([1, 2, 3], [0.3, 0.3, 0.3]),
    ];

    expect(values).toEqual([Number.NaN, Number.NaN, Number.NaN]);
  });

  it('give Spearman 1 for any increasing relation and Pearson below 1 for a curved one', () => {
    const x = [1, 2, 3, 4, 5, 6];
    const y = x.map((value) => Math.exp(value));

    const values = [spearmanCorrelation(x, y), pearsonCorrelation(x, y)];

    expect(values[0]).toBe(1);
    expect(values[1]).toBeLessThan(0.95);
  });

  it('stay within [-1, 1] and are symmetric in their arguments', () => {
    const pairs = fc.array(
      fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
      {
        minLength: 2,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(pairs, (rows) => {
        const x = rows.map(([a]) => a);
        const y = rows.map(([, b]) => b);
        for (const correlation of [pearsonCorrelation, spearmanCorrelation]) {
          const forward = correlation(x, y);
          if (Number.isNaN(forward)) continue;
          expect(Math.abs(forward)).toBeLessThanOrEqual(1);
          expect(correlation(y, x)).toBeCloseTo(forward, 12);
        }
      }),
    );
  });

  it('rejects series of different lengths', () => {
    const act = () => pearsonCorrelation([1, 2], [1]);

    expect(act).toThrow('paired series must have the same length, were 2 and 1');
  });
});

describe('informationCoefficient', () => {
  it('reports both correlations and the pairs used', () => {
    const signals = [...X, Number.NaN];
    const forwardReturns = [...Y, 0.01];

    const ic = informationCoefficient(signals, forwardReturns);

    expect(ic.pairs).toBe(5);
    expect(ic.pearson).toBeCloseTo(6 / Math.sqrt(60), 14);
    expect(ic.spearman).toBeCloseTo(7 / Math.sqrt(90), 14);
  });
});
