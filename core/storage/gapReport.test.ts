import { describe, expect, it } from 'vitest';
import { localToUtc, NEW_YORK } from '../calendar/timezone.js';
import { formatGapReport } from './formatGapReport.js';
import { gapReport, tickerGaps } from './gapReport.js';

const FIVE_MINUTES = 300_000;
/** UTC ms of a New York wall time. */
const et = (day: string, time: string): number => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return localToUtc(Date.UTC(y, m - 1, d, hh, mm), NEW_YORK);
};
/** Every 5-minute bar start from `open` up to (not including) `close`, New York time. */
const grid = (day: string, open = '09:30', close = '16:00'): number[] => {
  const bars: number[] = [];
  for (let t = et(day, open); t < et(day, close); t += FIVE_MINUTES) bars.push(t);
  return bars;
};

// A hand-made week around Independence Day 2024: Mon 07-01 full (plus one pre-market bar), Tue 07-02 missing
// 10:00, 10:05, 10:10 and with one bar off the grid at 10:02, Wed 07-03 a half day (13:00 close, 42 bars) plus a
// bar at 13:00 after that close, Thu 07-04 a holiday, Fri 07-05 missing entirely.
const missing = new Set([et('2024-07-02', '10:00'), et('2024-07-02', '10:05'), et('2024-07-02', '10:10')]);
const week = Float64Array.from(
  [
    et('2024-07-01', '08:00'),
    ...grid('2024-07-01'),
    ...grid('2024-07-02').filter((t) => !missing.has(t)),
    et('2024-07-02', '10:02'),
    ...grid('2024-07-03', '09:30', '13:00'),
    et('2024-07-03', '13:00'),
  ].sort((a, b) => a - b),
);

describe('tickerGaps', () => {
  it('finds the missing session, the missing bars, and expects 42 bars on the half day', () => {
    const gaps = tickerGaps('AAPL', week, FIVE_MINUTES, 20240701, 20240705);

    expect(gaps.sessions, 'Jul 1, 2, 3 and 5; Jul 4 is a holiday').toBe(4);
    expect(gaps.sessionsMissing).toEqual([20240705]);
    expect(gaps.barsExpected, '78 + 78 + 42 (half day) + 78').toBe(276);
    expect(gaps.barsPresent, '78 + 75 + 42').toBe(195);
    expect(gaps.barsMissing).toBe(3);
    expect(gaps.missingRuns).toEqual([
      { day: 20240702, startMs: et('2024-07-02', '10:00'), endMs: et('2024-07-02', '10:15'), bars: 3 },
    ]);
    expect(gaps.barsOutsideSessions, 'the 08:00 pre-market bar and the 13:00 bar after the half-day close').toBe(2);
    expect(gaps.barsOffGrid, 'the 10:02 bar').toBe(1);
  });

  it('reports a complete ticker as complete and ignores bars outside the range', () => {
    const day = Float64Array.from([...grid('2024-07-01'), ...grid('2024-07-02')]);

    const gaps = tickerGaps('MSFT', day, FIVE_MINUTES, 20240702, 20240702);

    expect(gaps).toMatchObject({ sessions: 1, sessionsMissing: [], barsExpected: 78, barsPresent: 78, barsMissing: 0 });
    expect(gaps.barsOutsideSessions, 'Jul 1 is outside the asked range, not outside a session').toBe(0);
  });

  it('treats daily bars as one per session on its New York day', () => {
    const daily = Float64Array.from([et('2024-07-01', '00:00'), et('2024-07-03', '00:00'), et('2024-07-06', '00:00')]);

    const gaps = tickerGaps('SPY', daily, 86_400_000, 20240701, 20240706);

    expect(gaps.sessionsMissing).toEqual([20240702, 20240705]);
    expect(gaps.barsOutsideSessions, 'Saturday Jul 6').toBe(1);
  });

  it('refuses an unknown bar size', () => {
    expect(() => tickerGaps('X', week, 0, 20240701, 20240705)).toThrow('the bar size must be positive');
  });
});

describe('formatGapReport', () => {
  it('prints one header, a line per ticker, the missing sessions and each gap in New York time', () => {
    const report = gapReport(
      [
        { ticker: 'AAPL', ts: week },
        { ticker: 'MSFT', ts: Float64Array.from(grid('2024-07-01')) },
      ],
      FIVE_MINUTES,
      20240701,
      20240705,
    );

    expect(formatGapReport('demo', report)).toBe(
      [
        'dataset demo: 5m bars, 2 tickers, 2024-07-01 to 2024-07-05 (4 sessions, 1 half days; times in New York)',
        'AAPL: gaps; sessions 3 of 4, bars 195 of 276, 3 missing inside sessions in 1 gaps, 2 outside regular hours, 1 off the bar grid',
        '  missing sessions: 2024-07-05',
        '  2024-07-02 10:00-10:15 ET: 3 bars missing',
        'MSFT: gaps; sessions 1 of 4, bars 78 of 276, 0 missing inside sessions in 0 gaps',
        '  missing sessions: 2024-07-02, 2024-07-03, 2024-07-05',
      ].join('\n'),
    );
  });
});
