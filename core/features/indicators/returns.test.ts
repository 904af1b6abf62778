import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('momentum.returns', () => {
  it('is close / previous close - 1, NaN on the first bar', () => {
    const values = computeOne({ function: 'momentum.returns' }, { close: [100, 102, 99.96] });

    expect(values[0]).toBeNaN();
    expect(values[1]).toBeCloseTo(0.02, 15);
    expect(values[2]).toBeCloseTo(99.96 / 102 - 1, 15);
  });
});
