import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('structure.higher_high', () => {
  it('is 1 when the high is strictly above the previous high, else 0', () => {
    const high = [5, 6, 6, 4, 9];

    const values = computeOne(
      { function: 'structure.higher_high' },
      { close: high.map(() => 1), high, low: high.map(() => 1) },
    );

    expect(values).toEqual([NaN, 1, 0, 0, 1]);
  });
});
