import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFromBars, type BarBatch } from '../data/BarBatch.js';
import { buildTimeline } from './timeline.js';

const BAR_MS = 300_000;

const batchOf = (ticker: string, starts: readonly number[]): BarBatch =>
  batchFromBars(
    ticker,
    BAR_MS,
    starts.map((ts) => ({ ticker, ts, open: 1, high: 1, low: 1, close: 1, volume: 1 })),
  );

/** The definition: every (ticker, index) pair sorted by bar start, ties by ticker. */
function reference(batches: readonly BarBatch[]): [number, number][] {
  const pairs: [number, number][] = [];
  batches.forEach((batch, t) => {
    for (let i = 0; i < batch.length; i++) pairs.push([t, i]);
  });
  return pairs.sort(([a, i], [b, j]) => batches[a]!.ts[i]! - batches[b]!.ts[j]! || a - b);
}

describe('buildTimeline', () => {
  it('orders bars by start then ticker, on the bar grid, off it and far apart, over 2,000 random sets', () => {
    // Mostly grid starts, some a few seconds off the grid, some far out (too many slots: the sorting path).
    const start = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map((slot) => slot * BAR_MS) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 * BAR_MS }).map((ms) => Math.floor(ms / 1000) * 1000) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 1e6 }).map((slot) => slot * BAR_MS) },
    );
    const starts = fc.uniqueArray(start, { maxLength: 30 }).map((values) => values.sort((a, b) => a - b));

    fc.assert(
      // Blocks of a few slots, so the placement crosses block ends as it does on real data (a week per block).
      fc.property(fc.array(starts, { maxLength: 6 }), fc.integer({ min: 1, max: 50 }), (tickers, blockSlots) => {
        const batches = tickers.map((values, t) => batchOf(`T${t}`, values));

        const timeline = buildTimeline(batches, blockSlots);

        const pairs = Array.from({ length: timeline.length }, (_, k) => [timeline.ticker[k]!, timeline.index[k]!]);
        expect(pairs).toEqual(reference(batches));
        const inverse = batches.map((batch, t) => Array.from(timeline.stepOf[t]!.subarray(0, batch.length)));
        const expected = batches.map(() => [] as number[]);
        pairs.forEach(([t, i], step) => (expected[t]![i] = step));
        expect(inverse, 'stepOf is the inverse of (ticker, index)').toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});
