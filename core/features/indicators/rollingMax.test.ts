import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('structure.rolling_max', () => {
  it('is the highest high of the last window bars, the current bar included', () => {
    const high = [5, 7, 6, 4, 3, 8];

    const values = computeOne(
      { function: 'structure.rolling_max', params: { window: 3 } },
      { close: high.map(() => 1), high, low: high.map(() => 1) },
    );

    expect(values).toEqual([NaN, NaN, 7, 7, 6, 8]);
  });

  it('equals a scan of the window for any series (block method)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (high, window) => {
          const values = computeOne(
            { function: 'structure.rolling_max', params: { window } },
            { close: high.map(() => 1), high, low: high.map(() => 1) },
          );
          const expected = high.map((_, i) => (i < window - 1 ? NaN : Math.max(...high.slice(i - window + 1, i + 1))));
          expect(values).toEqual(expected);
        },
      ),
    );
  });
});
