import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('momentum.log_returns', () => {
  it('is ln(close / previous close), NaN on the first bar', () => {
    const values = computeOne({ function: 'momentum.log_returns' }, { close: [100, 110, 100] });

    expect(values[0]).toBeNaN();
    expect(values[1]).toBeCloseTo(Math.log(1.1), 15);
    expect(values[2]).toBeCloseTo(-Math.log(1.1), 15);
  });
});
