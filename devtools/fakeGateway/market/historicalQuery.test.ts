import { describe, expect, it } from 'vitest';
import { syntheticBarFixtures } from './loadBarFixtures.js';
import { BarStore } from './BarStore.js';
import { checkStep, parseBarSizeSetting, parseDuration } from './historicalQuery.js';
import { windowStart } from './historyWindow.js';
import { parseEndDateTime } from './ibTime.js';

const NY = 'America/New_York';

describe('historical request rules', () => {
  it('applies IB step limits: 5 mins allows up to 1 W, not 2 W; 1 secs allows 1800 S, not 1 D', () => {
    const step = (duration: string, bar: string) => checkStep(parseDuration(duration)!, parseBarSizeSetting(bar)!);

    expect(step('1 W', '5 mins')).toBeUndefined();
    expect(step('5 D', '5 mins')).toBeUndefined();
    expect(step('2 W', '5 mins')).toBe('TIME_LENGTH_EXCEEDS_MAX');
    expect(step('1800 S', '1 secs')).toBeUndefined();
    expect(step('1 D', '1 secs')).toBe('TIME_LENGTH_EXCEEDS_MAX');
    expect(step('60 S', '5 mins')).toBe('BAR_LONGER_THAN_DURATION');
    expect(step('1 Y', '1 day')).toBeUndefined();
    expect(step('1 M', '30 mins')).toBeUndefined();
    expect(parseDuration('5 days')).toBeUndefined();
    expect(parseBarSizeSetting('5 min')).toBeUndefined();
  });

  it('reads endDateTime in UTC, with a zone, in the gateway zone, or as now', () => {
    const june6 = Date.UTC(2025, 5, 6, 20, 0);

    expect(parseEndDateTime('20250606-20:00:00', 0, NY)).toBe(june6);
    expect(parseEndDateTime('20250606 16:00:00 US/Eastern', 0, NY)).toBe(june6);
    expect(parseEndDateTime('20250606 16:00:00', 0, NY)).toBe(june6);
    expect(parseEndDateTime('20250606 20:00:00 UTC', 0, NY)).toBe(june6);
    expect(parseEndDateTime('', 123, NY)).toBe(123);
    expect(parseEndDateTime('20250231 10:00:00', 0, NY)).toBeUndefined();
    expect(parseEndDateTime('2025-06-06 16:00', 0, NY)).toBeUndefined();
  });

  it('counts D in trading days: 2 D back from Monday after a holiday weekend starts on the Thursday', () => {
    // Good Friday 2025-04-18 is an NYSE holiday; Monday 2025-04-21 16:00 New York minus 2 trading days.
    const end = Date.UTC(2025, 3, 21, 20, 0);

    expect(windowStart(end, parseDuration('2 D')!)).toBe(Date.UTC(2025, 3, 17, 4, 0));
    expect(windowStart(end, parseDuration('1 D')!)).toBe(Date.UTC(2025, 3, 21, 4, 0));
    // Before Monday's open the last session is Thursday's.
    expect(windowStart(Date.UTC(2025, 3, 21, 13, 0), parseDuration('1 D')!)).toBe(Date.UTC(2025, 3, 17, 4, 0));
    expect(windowStart(end, parseDuration('3600 S')!)).toBe(end - 3_600_000);
    expect(windowStart(end, parseDuration('1 W')!)).toBe(end - 7 * 86_400_000);
    expect(windowStart(end, parseDuration('1 M')!)).toBe(Date.UTC(2025, 2, 21, 20, 0));
  });

  it('serves whole bars inside the window and aggregates whole multiples of the fixture bar', () => {
    const store = new BarStore(syntheticBarFixtures(['AAPL'], 20250602, 20250602));
    const open = Date.UTC(2025, 5, 2, 13, 30);
    const five = store.select({
      ticker: 'AAPL',
      startMs: open,
      endMs: open + 3_600_000,
      barMs: 300_000,
      rthOnly: true,
    })!;
    const hour = store.select({
      ticker: 'AAPL',
      startMs: open - 1_800_000,
      endMs: open + 3_600_000,
      barMs: 3_600_000,
      rthOnly: true,
    })!;

    expect(five).toHaveLength(12);
    expect(five[0]?.ts).toBe(open);
    // 09:00 bucket = 09:30-09:55 (6 bars), 10:00 bucket = 10:00-10:25 (whole bars ending by 10:30).
    expect(hour.map((bar) => bar.ts)).toEqual([open - 1_800_000, open + 1_800_000]);
    expect(hour[0]).toMatchObject({
      open: five[0]?.open,
      close: five[5]?.close,
      volume: five.slice(0, 6).reduce((sum, bar) => sum + bar.volume, 0),
    });
    expect(hour[0]?.high).toBe(Math.max(...five.slice(0, 6).map((bar) => bar.high)));
    expect(
      store.select({ ticker: 'AAPL', startMs: open, endMs: open + 3_600_000, barMs: 60_000, rthOnly: true }),
    ).toBeUndefined();
    expect(
      store.select({ ticker: 'MSFT', startMs: open, endMs: open + 3_600_000, barMs: 300_000, rthOnly: true }),
    ).toEqual([]);
  });
});
