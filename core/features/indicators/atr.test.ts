import { describe, expect, it } from 'vitest';
import { computeFeature, configOf } from '../../../tests/support/featureKit.js';

describe('volatility.atr', () => {
  it('skips the first true range, seeds with the mean of the next window, then smooths the Wilder way', () => {
    const config = configOf({
      tr: { function: 'volatility.true_range' },
      atr: { function: 'volatility.atr', params: { window: 2 }, dependencies: ['tr'] },
    });
    // Flat bars with only a range: true range = high - low on every bar.
    const bars = { close: [10, 10, 10, 10], high: [15, 11, 12, 14], low: [5, 9, 8, 6] };

    const values = computeFeature(config, 'atr', bars);

    expect(values.slice(0, 2)).toEqual([NaN, NaN]);
    expect(values[2]).toBe((2 + 4) / 2);
    expect(values[3]).toBe((3 * 1 + 8) / 2);
  });
});
