import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('moving_averages.ema', () => {
  it('seeds with the simple mean of the first window values, then smooths with alpha 2 / (n + 1)', () => {
    const closes = [2, 4, 6, 8, 12];

    const values = computeOne({ function: 'moving_averages.ema', params: { window: 3 } }, { close: closes });

    const seed = (2 + 4 + 6) / 3;
    const alpha = 2 / (3 + 1);
    const next = seed + (8 - seed) * alpha;
    expect(values.slice(0, 2)).toEqual([NaN, NaN]);
    expect(values[2]).toBe(seed);
    expect(values[3]).toBeCloseTo(next, 12);
    expect(values[4]).toBeCloseTo(next + (12 - next) * alpha, 12);
  });

  it('skips unknown volume without losing its state', () => {
    const volume = [10, 20, -1, 40];

    const values = computeOne(
      { function: 'moving_averages.ema', params: { window: 2, column: 'volume' } },
      { close: [1, 1, 1, 1], volume },
    );

    expect(values.slice(0, 3)).toEqual([NaN, 15, NaN]);
    expect(values[3]).toBeCloseTo(15 + (40 - 15) * (2 / 3), 12);
  });
});
