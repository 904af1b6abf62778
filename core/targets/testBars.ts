import { NEW_YORK, localToUtc } from '../calendar/index.js';
import { allocateBatch, type BarBatch } from '../data/BarBatch.js';

const FIVE_MINUTES = 300_000;

/** UTC epoch ms of a New York wall-clock time written `YYYY-MM-DD HH:MM` (test support). */
export function nyTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`time must be YYYY-MM-DD HH:MM, was "${text}"`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  return localToUtc(Date.UTC(year, month - 1, day, hour, minute), NEW_YORK);
}

/** One bar for tests: New York start time, open, high, low, close. */
export type TestBar = readonly [time: string, open: number, high: number, low: number, close: number];

/** Builds a 5-minute batch of ticker TEST from explicit bars (test support). */
export function barsAt(rows: readonly TestBar[]): BarBatch {
  const batch = allocateBatch('TEST', FIVE_MINUTES, rows.length);
  rows.forEach(([time, open, high, low, close], i) => {
    batch.ts[i] = nyTime(time);
    batch.open[i] = open;
    batch.high[i] = high;
    batch.low[i] = low;
    batch.close[i] = close;
    batch.volume[i] = 1_000;
  });
  return batch;
}

/**
 * Builds consecutive 5-minute bars from 2025-06-02 09:30 New York (78 fit in that session) with the given
 * closes; open, high and low equal the close unless given (test support).
 */
export function pathBatch(
  closes: readonly number[],
  extra: { open?: readonly number[]; high?: readonly number[]; low?: readonly number[] } = {},
): BarBatch {
  const batch = allocateBatch('TEST', FIVE_MINUTES, closes.length);
  const start = nyTime('2025-06-02 09:30');
  closes.forEach((close, i) => {
    batch.ts[i] = start + i * FIVE_MINUTES;
    batch.open[i] = extra.open?.[i] ?? close;
    batch.high[i] = extra.high?.[i] ?? close;
    batch.low[i] = extra.low?.[i] ?? close;
    batch.close[i] = close;
    batch.volume[i] = 1_000;
  });
  return batch;
}
