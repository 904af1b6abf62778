import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

function ema(values: readonly number[], n: number): number[] {
  const out: number[] = values.map(() => NaN);
  let value = values.slice(0, n).reduce((a, b) => a + b, 0) / n;
  out[n - 1] = value;
  for (let i = n; i < values.length; i++) out[i] = value = (values[i]! - value) * (2 / (n + 1)) + value;
  return out;
}

describe('momentum.macd', () => {
  it('is EMA(fast) - EMA(slow), each seeded with its own simple mean', () => {
    const closes = [10, 11, 13, 12, 15, 16, 14, 18];

    const values = computeOne({ function: 'momentum.macd', params: { fast: 2, slow: 4 } }, { close: closes });

    const fast = ema(closes, 2);
    const slow = ema(closes, 4);
    expect(values.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    for (let i = 3; i < closes.length; i++) expect(values[i]).toBeCloseTo(fast[i]! - slow[i]!, 12);
  });

  it('rejects fast >= slow', () => {
    expect(() => computeOne({ function: 'momentum.macd', params: { fast: 5, slow: 5 } }, { close: [1] })).toThrow(
      'feature "feature": params.fast must be smaller than params.slow, was 5 >= 5',
    );
  });
});
