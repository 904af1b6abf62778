import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('structure.lower_low', () => {
  it('is 1 when the low is strictly below the previous low, else 0', () => {
    const low = [5, 4, 4, 6, 1];

    const values = computeOne(
      { function: 'structure.lower_low' },
      { close: low.map(() => 9), high: low.map(() => 9), low },
    );

    expect(values).toEqual([NaN, 1, 0, 0, 1]);
  });
});
