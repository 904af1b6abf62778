import { describe, expect, it } from 'vitest';
import type { Random } from '../random/Random.js';
import { createRandom } from '../random/Random.js';
import { parseResetWindow, reconnectDelayMs, resetWindowEnd } from './reconnectPolicy.js';

const fixed = (value: number): Random => ({ nextFloat: () => value, nextUint32: () => 0, nextNormal: () => 0 });
const POLICY = { initialMs: 1_000, maxMs: 60_000, factor: 2 };
const utc = (text: string): number => Date.parse(text);

describe('reconnectDelayMs', () => {
  it('doubles from 1 s and caps at 60 s, half fixed and half jitter', () => {
    expect([0, 1, 2, 5, 6, 20].map((attempt) => reconnectDelayMs(attempt, POLICY, fixed(0)))).toEqual([
      500, 1_000, 2_000, 16_000, 30_000, 30_000,
    ]);
    expect([0, 1, 2, 5, 6, 20].map((attempt) => reconnectDelayMs(attempt, POLICY, fixed(0.999_999)))).toEqual([
      1_000, 2_000, 4_000, 32_000, 60_000, 60_000,
    ]);
  });

  it('spreads the delays of one attempt over [base/2, base] with a seeded source', () => {
    const random = createRandom(11, 'reconnect');
    const delays = Array.from({ length: 500 }, () => reconnectDelayMs(3, POLICY, random));

    expect(Math.min(...delays)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);
    expect(new Set(delays).size).toBeGreaterThan(400);
  });
});

describe('resetWindowEnd', () => {
  const windows = [parseResetWindow('00:15-01:45'), parseResetWindow('23:50-00:05')];

  it('returns the end of the window that holds the instant, in New York time across daylight saving', () => {
    // 00:30 EST on 2025-01-15 is 05:30 UTC; the window ends 01:45 EST = 06:45 UTC.
    expect(resetWindowEnd(utc('2025-01-15T05:30:00Z'), windows)).toBe(utc('2025-01-15T06:45:00Z'));
    // 00:30 EDT on 2025-07-15 is 04:30 UTC; the window ends 01:45 EDT = 05:45 UTC.
    expect(resetWindowEnd(utc('2025-07-15T04:30:00Z'), windows)).toBe(utc('2025-07-15T05:45:00Z'));
  });

  it('handles a window that wraps past midnight, on both sides of it', () => {
    // 23:55 EST on 2025-01-15 = 04:55 UTC on the 16th; ends 00:05 EST on the 16th = 05:05 UTC.
    expect(resetWindowEnd(utc('2025-01-16T04:55:00Z'), windows)).toBe(utc('2025-01-16T05:05:00Z'));
    expect(resetWindowEnd(utc('2025-01-16T05:02:00Z'), windows)).toBe(utc('2025-01-16T05:05:00Z'));
  });

  it('returns null outside every window, including the end minute itself', () => {
    expect(resetWindowEnd(utc('2025-01-15T15:00:00Z'), windows)).toBeNull();
    expect(resetWindowEnd(utc('2025-01-15T06:45:00Z'), windows)).toBeNull();
    expect(resetWindowEnd(utc('2025-01-15T06:44:59Z'), windows)).toBe(utc('2025-01-15T06:45:00Z'));
  });

  it('refuses malformed windows', () => {
    for (const text of ['0:15-01:45', '24:00-01:00', '01:00-01:00', '01:60-02:00', 'noon']) {
      expect(() => parseResetWindow(text), text).toThrow(
        expect.objectContaining({ code: 'IBKR_INVALID_RESET_WINDOW' }),
      );
    }
  });
});
