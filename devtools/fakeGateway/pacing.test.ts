import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock.js';
import type { PacedRequest } from './pacing.js';
import { PacingTracker } from './pacing.js';

const request = (reqId: number, identity: string, contractKey = 'AAPL', weight = 1): PacedRequest => ({
  clientId: 1,
  reqId,
  identity,
  contractKey,
  weight,
});

describe('PacingTracker', () => {
  it('counts BID_ASK twice toward 60 per 10 minutes', () => {
    const clock = createVirtualClock(0);
    const pacing = new PacingTracker(clock);
    const rules = [];
    for (let i = 0; i < 30; i += 1) {
      rules.push(pacing.admitHistorical(request(i, `q${i}`, `c${i % 10}`, 2), 0));
      clock.advance(3_000);
    }
    rules.push(pacing.admitHistorical(request(99, 'last', 'other'), 0));

    expect(rules.slice(0, 30).every((rule) => rule === undefined)).toBe(true);
    expect(rules[30]).toBe('MORE_THAN_60_IN_10_MINUTES');
  });

  it('refuses a 51st open request', () => {
    const pacing = new PacingTracker(createVirtualClock(0));

    expect(pacing.admitHistorical(request(1, 'a'), 49)).toBeUndefined();
    expect(pacing.admitHistorical(request(2, 'b', 'x'), 50)).toBe('MORE_THAN_50_OPEN');
  });

  it('refuses the 61st real-time-bar subscription within 10 minutes', () => {
    const clock = createVirtualClock(0);
    const pacing = new PacingTracker(clock);
    const rules = Array.from({ length: 61 }, (_, i) => pacing.admitRealTimeBars(1, i, `s${i}`));
    clock.set(600_001);

    expect(rules.filter((rule) => rule !== undefined)).toEqual(['REAL_TIME_BARS_MORE_THAN_60_IN_10_MINUTES']);
    expect(rules[60]).toBe('REAL_TIME_BARS_MORE_THAN_60_IN_10_MINUTES');
    expect(pacing.admitRealTimeBars(1, 100, 'later')).toBeUndefined();
  });
});
