import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('price_action.gap', () => {
  it('is open / previous close - 1, NaN on the first bar', () => {
    const values = computeOne({ function: 'price_action.gap' }, { close: [100, 104, 103], open: [99, 101, 104] });

    expect(values[0]).toBeNaN();
    expect(values[1]).toBeCloseTo(101 / 100 - 1, 15);
    expect(values[2]).toBe(0);
  });
});
