import { describe, expect, it } from 'vitest';
import { forwardReturn } from './forwardReturn.js';
import { sessionSegments } from './sessionSegments.js';
import { barsAt, pathBatch } from './testBars.js';

describe('forwardReturn', () => {
  it('divides close[t+N] by close[t] and leaves the last N bars NaN', () => {
    const batch = pathBatch([100, 101, 102, 103, 104, 105, 107]);

    const out = forwardReturn(batch, { bars_ahead: 5, entry: 'close' }, sessionSegments(batch.ts));

    expect(out[0], 't=0: close[5]/close[0]-1 = 105/100-1').toBe(105 / 100 - 1);
    expect(out[1], 't=1: close[6]/close[1]-1 = 107/101-1').toBe(107 / 101 - 1);
    expect(Array.from(out.subarray(2)), 'bars 2..6 have no bar t+5 in the data').toEqual([NaN, NaN, NaN, NaN, NaN]);
  });

  it('measures from open[t+1] with entry next_open', () => {
    const batch = pathBatch([100, 102, 104], { open: [99, 101, 103] });

    const out = forwardReturn(batch, { bars_ahead: 2, entry: 'next_open' }, null);

    expect(out[0], 'close[2]/open[1]-1 = 104/101-1').toBe(104 / 101 - 1);
    expect(out[1], 'bar 3 does not exist').toBeNaN();
  });

  it('gives NaN when bar t+N is in the next session and a value with cross_session', () => {
    const batch = barsAt([
      ['2025-06-02 15:50', 100, 100, 100, 100],
      ['2025-06-02 15:55', 101, 101, 101, 101],
      ['2025-06-03 09:30', 104, 104, 104, 104],
      ['2025-06-03 09:35', 105, 105, 105, 105],
    ]);
    const params = { bars_ahead: 1, entry: 'close' } as const;

    const inSession = forwardReturn(batch, params, sessionSegments(batch.ts));
    const crossing = forwardReturn(batch, params, null);

    expect(inSession[0], '15:50 -> 15:55 stays before the 16:00 close: 101/100-1').toBe(101 / 100 - 1);
    expect(inSession[1], '15:55 -> next day 09:30 crosses the close').toBeNaN();
    expect(crossing[1], 'cross_session: 104/101-1').toBe(104 / 101 - 1);
    expect(inSession[2], '09:30 -> 09:35: 105/104-1').toBe(105 / 104 - 1);
  });
});
