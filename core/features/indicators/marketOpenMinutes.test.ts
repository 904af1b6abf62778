import { describe, expect, it } from 'vitest';
import { computeOne } from '../../../tests/support/featureKit.js';

describe('time.market_open_minutes', () => {
  it('counts wall-clock minutes from 09:30 New York, negative before the open, in EST and EDT', () => {
    const ts = [
      Date.UTC(2025, 2, 7, 9, 0), // 04:00 EST
      Date.UTC(2025, 2, 7, 14, 30), // 09:30 EST
      Date.UTC(2025, 2, 7, 20, 55), // 15:55 EST
      Date.UTC(2025, 2, 10, 13, 30), // 09:30 EDT
      Date.UTC(2025, 2, 10, 13, 25), // 09:25 EDT
    ].sort((a, b) => a - b);

    const values = computeOne({ function: 'time.market_open_minutes' }, { ts, close: ts.map(() => 1) });

    expect(values).toEqual([-330, 0, 385, -5, 0]);
  });
});
