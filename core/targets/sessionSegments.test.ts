import { describe, expect, it } from 'vitest';
import { SegmentPart, sessionSegments } from './sessionSegments.js';
import { nyTime } from './testBars.js';

const keysOf = (times: readonly string[]): number[] =>
  Array.from(sessionSegments(Float64Array.from(times.map(nyTime))));

describe('sessionSegments', () => {
  it('splits a New York day into pre-market, regular session and after-hours', () => {
    const keys = keysOf([
      '2025-06-02 08:00',
      '2025-06-02 09:25',
      '2025-06-02 09:30',
      '2025-06-02 15:55',
      '2025-06-02 16:00',
    ]);

    expect(keys).toEqual([
      20250602 * 4 + SegmentPart.preMarket,
      20250602 * 4 + SegmentPart.preMarket,
      20250602 * 4 + SegmentPart.regular,
      20250602 * 4 + SegmentPart.regular,
      20250602 * 4 + SegmentPart.afterHours,
    ]);
  });

  it('ends the session of 2024-11-29 at the 13:00 early close', () => {
    const keys = keysOf(['2024-11-29 12:55', '2024-11-29 13:00', '2024-12-02 09:30']);

    expect(keys, 'the 13:00 bar is after-hours on the day after Thanksgiving').toEqual([
      20241129 * 4 + SegmentPart.regular,
      20241129 * 4 + SegmentPart.afterHours,
      20241202 * 4 + SegmentPart.regular,
    ]);
    expect(keysOf(['2024-11-27 12:55', '2024-11-27 13:00']), 'a regular day runs to 16:00').toEqual([
      20241127 * 4 + SegmentPart.regular,
      20241127 * 4 + SegmentPart.regular,
    ]);
  });

  it('gives a weekend or holiday bar a whole-day segment', () => {
    expect(keysOf(['2025-06-07 10:00', '2025-07-04 10:00'])).toEqual([
      20250607 * 4 + SegmentPart.closedDay,
      20250704 * 4 + SegmentPart.closedDay,
    ]);
  });

  it('keeps the keys non-decreasing across daylight-saving changes', () => {
    const keys = keysOf(['2025-03-07 15:55', '2025-03-10 09:30', '2025-11-03 09:30', '2025-11-03 15:55']);

    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(keys[1], '09:30 New York on the Monday after the spring change is in session').toBe(
      20250310 * 4 + SegmentPart.regular,
    );
  });
});
