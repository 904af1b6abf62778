import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('price_action.price_position', () => {
  it('is (close - low) / (high - low), and 0.5 on a bar with no range', () => {
    const values = computeOne(
      { function: 'price_action.price_position' },
      { close: [10, 12, 7], high: [10, 12, 8], low: [10, 8, 6], open: [10, 9, 8] },
    );

    expect(values).toEqual([0.5, (12 - 8) / (12 - 8), (7 - 6) / (8 - 6)]);
  });
});
