import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('volatility.true_range', () => {
  it('is high - low on the first bar, then the largest of the range and the gaps to the previous close', () => {
    const bars = { close: [10, 12, 9, 10], high: [11, 12.5, 10, 10.5], low: [9.5, 11, 8, 9.8] };

    const values = computeOne({ function: 'volatility.true_range' }, bars);

    expect(values[0]).toBeCloseTo(11 - 9.5, 15);
    expect(values[1]).toBeCloseTo(Math.max(12.5 - 11, 12.5 - 10, Math.abs(11 - 10)), 15);
    expect(values[2]).toBeCloseTo(Math.max(10 - 8, Math.abs(10 - 12), Math.abs(8 - 12)), 15);
    expect(values[3]).toBeCloseTo(Math.max(10.5 - 9.8, Math.abs(10.5 - 9), Math.abs(9.8 - 9)), 15);
  });
});
