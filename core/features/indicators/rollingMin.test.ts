import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('structure.rolling_min', () => {
  it('is the lowest low of the last window bars, the current bar included', () => {
    const low = [5, 3, 6, 4, 7, 8];

    const values = computeOne(
      { function: 'structure.rolling_min', params: { window: 2 } },
      { close: low.map(() => 10), high: low.map(() => 10), low },
    );

    expect(values).toEqual([NaN, 3, 3, 4, 4, 7]);
  });

  it('equals a scan of the window for any series (monotonic deque)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (low, window) => {
          const values = computeOne(
            { function: 'structure.rolling_min', params: { window } },
            { close: low.map(() => 30), high: low.map(() => 30), low },
          );
          const expected = low.map((_, i) => (i < window - 1 ? NaN : Math.min(...low.slice(i - window + 1, i + 1))));
          expect(values).toEqual(expected);
        },
      ),
    );
  });
});
