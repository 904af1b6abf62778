import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('price_action.body_range_ratio', () => {
  it('is |close - open| / (high - low), and 0 on a bar with no range', () => {
    const values = computeOne(
      { function: 'price_action.body_range_ratio' },
      { open: [10, 12, 5], close: [12, 10, 5], high: [13, 12, 5], low: [9, 8, 5] },
    );

    expect(values).toEqual([2 / 4, 2 / 4, 0]);
  });
});
