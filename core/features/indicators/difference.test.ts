import { describe, expect, it } from 'vitest';
import { computeFeature, configOf } from '../../../tests/support/featureKit.js';

describe('math.difference', () => {
  it('subtracts the second dependency from the first', () => {
    const config = configOf({
      fast: { function: 'moving_averages.sma', params: { window: 1 } },
      slow: { function: 'moving_averages.sma', params: { window: 2 } },
      spread: { function: 'math.difference', dependencies: ['fast', 'slow'] },
    });

    const values = computeFeature(config, 'spread', { close: [10, 14, 11] });

    expect(values).toEqual([NaN, 14 - 12, 11 - 12.5]);
  });
});
