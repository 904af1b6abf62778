import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('volume.price_volume', () => {
  it('is close times volume, NaN where volume is unknown', () => {
    const values = computeOne({ function: 'volume.price_volume' }, { close: [10, 20.5, 30], volume: [100, 0, -1] });

    expect(values).toEqual([1000, 0, NaN]);
  });
});
