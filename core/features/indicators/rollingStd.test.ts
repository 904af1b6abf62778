import { describe, expect, it } from 'vitest';
import { computeFeature, computeOne, configOf } from '../../../tests/support/featureKit.js';

describe('volatility.rolling_std', () => {
  it('is the sample standard deviation (divisor n - 1) of the last window returns', () => {
    const config = configOf({
      returns: { function: 'momentum.returns' },
      volatility: { function: 'volatility.rolling_std', params: { window: 3 }, dependencies: ['returns'] },
    });
    const closes = [100, 101, 99, 102, 102];

    const values = computeFeature(config, 'volatility', { close: closes });

    const r = [101 / 100 - 1, 99 / 101 - 1, 102 / 99 - 1, 0];
    const std = (xs: number[]): number => {
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
      return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    };
    expect(values.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    expect(values[3]).toBeCloseTo(std(r.slice(0, 3)), 14);
    expect(values[4]).toBeCloseTo(std(r.slice(1, 4)), 14);
  });

  it('is 0, not NaN, on a flat window', () => {
    const values = computeOne({ function: 'volatility.rolling_std', params: { window: 2 } }, { close: [3, 3, 3] });

    expect(values).toEqual([NaN, 0, 0]);
  });
});
