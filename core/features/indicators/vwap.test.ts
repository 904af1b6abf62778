import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

const vwap2 = { function: 'volume.vwap', params: { window: 2 } };

describe('volume.vwap', () => {
  it('weights the typical price (high + low + close) / 3 by volume over the last window bars', () => {
    const bars = { close: [10, 11, 12], high: [11, 13, 12.5], low: [9, 10, 11], volume: [100, 300, 200] };

    const values = computeOne(vwap2, bars);

    const typical = [(11 + 9 + 10) / 3, (13 + 10 + 11) / 3, (12.5 + 11 + 12) / 3];
    expect(values[0]).toBeNaN();
    expect(values[1]).toBeCloseTo((typical[0]! * 100 + typical[1]! * 300) / 400, 12);
    expect(values[2]).toBeCloseTo((typical[1]! * 300 + typical[2]! * 200) / 500, 12);
  });

  it('gives the typical price when the window traded nothing, and NaN while a volume is unknown', () => {
    const bars = { close: [10, 10, 10, 10], high: [10, 13, 13, 13], low: [10, 10, 10, 10], volume: [0, 0, -1, 5] };

    const values = computeOne(vwap2, bars);

    expect(values).toEqual([NaN, 11, NaN, NaN]);
  });
});
