import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('momentum.roc', () => {
  it('is the fractional change over window bars, first value at bar window', () => {
    const closes = [100, 101, 102, 110, 90];

    const values = computeOne({ function: 'momentum.roc', params: { window: 2 } }, { close: closes });

    expect(values.slice(0, 2)).toEqual([NaN, NaN]);
    expect(values[2]).toBeCloseTo(102 / 100 - 1, 15);
    expect(values[3]).toBeCloseTo(110 / 101 - 1, 15);
    expect(values[4]).toBeCloseTo(90 / 102 - 1, 15);
  });
});
