import { describe, expect, it } from 'vitest';
import { computeOne, configOf, computeFeature } from '../../../tests/support/featureKit.js';

describe('moving_averages.sma', () => {
  it('averages the last window closes', () => {
    const closes = [10, 11, 12, 13, 14, 20];

    const values = computeOne({ function: 'moving_averages.sma', params: { window: 3 } }, { close: closes });

    expect(values.slice(0, 2)).toEqual([NaN, NaN]);
    expect(values[2]).toBeCloseTo((10 + 11 + 12) / 3, 12);
    expect(values[3]).toBeCloseTo((11 + 12 + 13) / 3, 12);
    expect(values[5]).toBeCloseTo((13 + 14 + 20) / 3, 12);
  });

  it('reads the volume column and is NaN for windows holding an unknown volume (-1)', () => {
    const volume = [100, 200, -1, 400, 500, 600, 700];

    const values = computeOne(
      { function: 'moving_averages.sma', params: { window: 2, column: 'volume' } },
      { close: volume.map(() => 1), volume },
    );

    expect(values).toEqual([NaN, 150, NaN, NaN, 450, 550, 650]);
  });

  it('stays within 1e-12 of a two-pass mean over a long series (no running-sum drift)', () => {
    let price = 100;
    const closes = Array.from({ length: 5000 }, (_, i) => (price *= 1 + 0.01 * Math.sin(i * 1.7)));

    const values = computeOne({ function: 'moving_averages.sma', params: { window: 7 } }, { close: closes });

    for (let i = 6; i < closes.length; i += 97) {
      const mean = closes.slice(i - 6, i + 1).reduce((a, b) => a + b, 0) / 7;
      expect(Math.abs(values[i]! - mean) / mean, `bar ${i}`).toBeLessThan(1e-12);
    }
  });

  it('averages a dependency and adds its warm-up', () => {
    const config = configOf({
      returns: { function: 'momentum.returns' },
      mean_return: { function: 'moving_averages.sma', params: { window: 2 }, dependencies: ['returns'] },
    });

    const values = computeFeature(config, 'mean_return', { close: [100, 110, 99, 99] });

    expect(values.slice(0, 2)).toEqual([NaN, NaN]);
    expect(values[2]).toBeCloseTo((0.1 + (99 / 110 - 1)) / 2, 12);
    expect(values[3]).toBeCloseTo((99 / 110 - 1) / 2, 12);
  });
});
