import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('price_action.intraday_range', () => {
  it('is (high - low) / close', () => {
    const values = computeOne(
      { function: 'price_action.intraday_range' },
      { close: [10, 20], high: [11, 20], low: [9, 20], open: [10, 20] },
    );

    expect(values).toEqual([(11 - 9) / 10, 0]);
  });
});
