import { describe, expect, it } from 'vitest';
import { RealTimeBarAggregator, type FiveSecondBar } from './RealTimeBarAggregator.js';

// Reference instants written by hand: 2025-01-02 is a Thursday in EST (UTC-5), so 09:30 New York = 14:30 UTC;
// 2025-07-03 is a half day in EDT (UTC-4): close 13:00 New York = 17:00 UTC.
const OPEN_JAN2 = Date.UTC(2025, 0, 2, 14, 30);
const CLOSE_JAN2 = Date.UTC(2025, 0, 2, 21, 0);
const CLOSE_JUL3 = Date.UTC(2025, 6, 3, 17, 0);
const MINUTE = 60_000;

/** A 5-second bar at `ts` whose close is `close`; open/high/low around it so aggregation can be checked. */
function five(ts: number, close: number, volume = 10): FiveSecondBar {
  return { ticker: 'AAPL', ts, open: close - 0.5, high: close + 1, low: close - 1, close, volume };
}

/** Every 5-second bar of [start, end) with closes 1, 2, 3 ... */
function run(start: number, end: number, skip: ReadonlySet<number> = new Set()): FiveSecondBar[] {
  const bars: FiveSecondBar[] = [];
  for (let ts = start, i = 1; ts < end; ts += 5_000, i++) if (!skip.has(ts)) bars.push(five(ts, i));
  return bars;
}

describe('RealTimeBarAggregator', () => {
  it('aligns 5-minute bars to 09:30 New York and emits one only when its last 5-second bar arrives', () => {
    const agg = new RealTimeBarAggregator(5 * MINUTE);
    const bars = run(OPEN_JAN2, OPEN_JAN2 + 10 * MINUTE);
    const emittedAt: number[] = [];
    const out = bars.flatMap((bar, i) => {
      const done = agg.push(bar);
      if (done.length > 0) emittedAt.push(i);
      return done;
    });
    // 60 five-second bars per 5 minutes: the bar is out right after the 60th (index 59) and the 120th (index 119).
    expect(emittedAt).toEqual([59, 119]);
    expect(out.map((b) => [b.event.barStart, b.event.ts])).toEqual([
      [OPEN_JAN2, OPEN_JAN2 + 5 * MINUTE],
      [OPEN_JAN2 + 5 * MINUTE, OPEN_JAN2 + 10 * MINUTE],
    ]);
    const first = out[0]!.event;
    // closes 1..60: open = 1 - 0.5, high = 60 + 1, low = 1 - 1, close = 60, volume = 60 x 10.
    expect([first.open, first.high, first.low, first.close, first.volume]).toEqual([0.5, 61, 0, 60, 600]);
    expect(out[0]!.received).toBe(60);
    expect(out[0]!.expected).toBe(60);
  });

  it('aligns to the open, not to the clock hour, for bar sizes that do not divide an hour evenly', () => {
    const agg = new RealTimeBarAggregator(7 * MINUTE);
    const out = run(OPEN_JAN2, OPEN_JAN2 + 14 * MINUTE).flatMap((bar) => agg.push(bar));
    expect(out.map((b) => new Date(b.event.barStart).toISOString())).toEqual([
      '2025-01-02T14:30:00.000Z',
      '2025-01-02T14:37:00.000Z',
    ]);
  });

  it('a lost 5-second bar in the middle does not hold the bar back and is counted', () => {
    const agg = new RealTimeBarAggregator(MINUTE);
    const lost = OPEN_JAN2 + 20_000;
    const out = run(OPEN_JAN2, OPEN_JAN2 + MINUTE, new Set([lost])).flatMap((bar) => agg.push(bar));
    expect(out).toHaveLength(1);
    expect(out[0]!.received).toBe(11);
    expect(out[0]!.expected).toBe(12);
  });

  it('a lost last 5-second bar: the bar is emitted when the next bucket starts, not before', () => {
    const agg = new RealTimeBarAggregator(MINUTE);
    const last = OPEN_JAN2 + 55_000;
    const first = run(OPEN_JAN2, OPEN_JAN2 + MINUTE, new Set([last])).flatMap((bar) => agg.push(bar));
    expect(first).toEqual([]);
    const next = agg.push(five(OPEN_JAN2 + MINUTE, 99));
    expect(next.map((b) => [b.event.barStart, b.event.close, b.received])).toEqual([[OPEN_JAN2, 11, 11]]);
  });

  it('flush emits a quiet bucket only after its end plus the grace period', () => {
    const agg = new RealTimeBarAggregator(MINUTE, 2_000);
    agg.push(five(OPEN_JAN2, 1));
    expect(agg.flush(OPEN_JAN2 + MINUTE + 1_999)).toEqual([]);
    expect(agg.flush(OPEN_JAN2 + MINUTE + 2_000).map((b) => b.event.barStart)).toEqual([OPEN_JAN2]);
    expect(agg.flush(OPEN_JAN2 + 10 * MINUTE)).toEqual([]);
  });

  it('the last bar of the day ends at 16:00 and is emitted by the 15:59:55 bar; after-hours bars are dropped', () => {
    const agg = new RealTimeBarAggregator(30 * MINUTE);
    const out = run(CLOSE_JAN2 - 30 * MINUTE, CLOSE_JAN2 + MINUTE).flatMap((bar) => agg.push(bar));
    expect(out.map((b) => [b.event.barStart, b.event.ts, b.received])).toEqual([
      [CLOSE_JAN2 - 30 * MINUTE, CLOSE_JAN2, 360],
    ]);
    expect(agg.droppedCounts.OUTSIDE_SESSION).toBe(12);
  });

  it('a bar size that does not divide the session is cut at the close', () => {
    // 09:30 + 55 x 7 min = 15:55, so the last 7-minute bucket is 15:55-16:00 (60 five-second bars expected).
    const agg = new RealTimeBarAggregator(7 * MINUTE);
    const out = run(CLOSE_JAN2 - 5 * MINUTE, CLOSE_JAN2).flatMap((bar) => agg.push(bar));
    expect(out.map((b) => [b.event.barStart, b.event.ts, b.expected])).toEqual([
      [CLOSE_JAN2 - 5 * MINUTE, CLOSE_JAN2, 60],
    ]);
  });

  it('a half day closes at 13:00 New York (calendar early close)', () => {
    const agg = new RealTimeBarAggregator(60 * MINUTE);
    const out = run(CLOSE_JUL3 - 30 * MINUTE, CLOSE_JUL3 + 30 * MINUTE).flatMap((bar) => agg.push(bar));
    // 09:30 + 3 h = 12:30; the 12:30 bucket is cut at 13:00 and closes with the 12:59:55 bar.
    expect(out.map((b) => [new Date(b.event.barStart).toISOString(), new Date(b.event.ts).toISOString()])).toEqual([
      ['2025-07-03T16:30:00.000Z', '2025-07-03T17:00:00.000Z'],
    ]);
    expect(agg.droppedCounts.OUTSIDE_SESSION).toBe(360);
  });

  it('holidays and weekends have no session; repeated and late 5-second bars change nothing', () => {
    const agg = new RealTimeBarAggregator(MINUTE);
    expect(agg.push(five(Date.UTC(2025, 0, 1, 15, 0), 1))).toEqual([]); // New Year's Day
    expect(agg.push(five(Date.UTC(2025, 0, 4, 15, 0), 1))).toEqual([]); // Saturday
    agg.push(five(OPEN_JAN2, 1));
    agg.push(five(OPEN_JAN2, 50)); // the same bar again (e.g. around a re-subscription)
    const out = run(OPEN_JAN2 + 5_000, OPEN_JAN2 + MINUTE).flatMap((bar) => agg.push(bar));
    expect(out[0]!.event.high).toBe(12); // 11 + 1 from the last bar; the repeat with close 50 was dropped
    expect(agg.push(five(OPEN_JAN2 + 30_000, 7))).toEqual([]); // late: its bucket is already out
    expect(agg.droppedCounts).toEqual({ OUTSIDE_SESSION: 2, LATE: 1, DUPLICATE: 1 });
  });

  it('keeps tickers apart', () => {
    const agg = new RealTimeBarAggregator(MINUTE);
    const msft = run(OPEN_JAN2, OPEN_JAN2 + MINUTE).map((bar) => ({ ...bar, ticker: 'MSFT', close: bar.close * 2 }));
    const aapl = run(OPEN_JAN2, OPEN_JAN2 + MINUTE);
    const out = aapl.flatMap((bar, i) => [...agg.push(bar), ...agg.push(msft[i]!)]);
    expect(out.map((b) => [b.event.ticker, b.event.close])).toEqual([
      ['AAPL', 12],
      ['MSFT', 24],
    ]);
  });

  it('refuses bar sizes that are not whole multiples of 5 seconds', () => {
    expect(() => new RealTimeBarAggregator(7_000)).toThrow(/multiple of 5000/);
  });
});
