import { describe, expect, it } from 'vitest';
import { computeFeature, configOf } from '../../../tests/support/featureKit.js';

const config = configOf({
  short: { function: 'moving_averages.sma', params: { window: 1, column: 'volume' } },
  long: { function: 'moving_averages.sma', params: { window: 2, column: 'volume' } },
  ratio: { function: 'math.ratio', dependencies: ['short', 'long'] },
  close_ratio: { function: 'math.ratio', params: { column: 'close' }, dependencies: ['long'] },
});

describe('math.ratio', () => {
  it('divides the first dependency by the second', () => {
    const values = computeFeature(config, 'ratio', { close: [1, 1, 1], volume: [100, 300, 100] });

    expect(values).toEqual([NaN, 300 / 200, 100 / 200]);
  });

  it('divides a bar column by its one dependency', () => {
    const values = computeFeature(config, 'close_ratio', { close: [1, 2, 3], volume: [100, 300, 100] });

    expect(values).toEqual([NaN, 2 / 200, 3 / 200]);
  });

  it('gives 1 for 0 / 0 (no volume in either window)', () => {
    const values = computeFeature(config, 'ratio', { close: [1, 1, 1], volume: [0, 0, 0] });

    expect(values).toEqual([NaN, 1, 1]);
  });
});
