import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

const rsi3 = { function: 'momentum.rsi', params: { window: 3 } };

describe('momentum.rsi', () => {
  it('seeds with the mean gain and loss of the first window changes, then smooths the Wilder way', () => {
    // Changes: +2, -1, +3, then -2.
    const values = computeOne(rsi3, { close: [10, 12, 11, 14, 12] });

    const gain = (2 + 0 + 3) / 3;
    const loss = (0 + 1 + 0) / 3;
    expect(values.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    expect(values[3]).toBeCloseTo((100 * gain) / (gain + loss), 12);
    const gain2 = (gain * 2 + 0) / 3;
    const loss2 = (loss * 2 + 2) / 3;
    expect(values[4]).toBeCloseTo((100 * gain2) / (gain2 + loss2), 12);
  });

  it('gives 100 with only gains, 0 with only losses and the neutral 50 with no movement', () => {
    expect(computeOne(rsi3, { close: [1, 2, 3, 4] })[3]).toBe(100);
    expect(computeOne(rsi3, { close: [4, 3, 2, 1] })[3]).toBe(0);
    expect(computeOne(rsi3, { close: [5, 5, 5, 5] })[3]).toBe(50);
  });
});
