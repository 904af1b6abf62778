import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFromBars, type BarBatch } from '../data/BarBatch.js';
import { BarStarts } from './BarStarts.js';

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

/** Everything the walk gives: per start, its time, first step and bars. */
function walk(batches: readonly BarBatch[]) {
  const starts = new BarStarts(batches);
  const seen: { barStart: number; step: number; bars: [number, number][] }[] = [];
  while (starts.next()) {
    const bars: [number, number][] = [];
    for (let k = 0; k < starts.count; k++) bars.push([starts.batch[k]!, starts.index[k]!]);
    seen.push({ barStart: starts.barStart, step: starts.step, bars });
  }
  return { seen, total: starts.step };
}

describe('BarStarts', () => {
  it('walks every bar by start then ticker, one start at a time, over 2,000 random sets', () => {
    // Mostly grid starts, some a few seconds off the grid, some far apart; tickers with gaps or no bars at all.
    const start = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }).map((slot) => slot * BAR_MS) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 * BAR_MS }).map((ms) => Math.floor(ms / 1000) * 1000) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 1e6 }).map((slot) => slot * BAR_MS) },
    );
    const starts = fc.uniqueArray(start, { maxLength: 30 }).map((values) => values.sort((a, b) => a - b));

    fc.assert(
      fc.property(fc.array(starts, { maxLength: 6 }), (tickers) => {
        const batches = tickers.map((values, t) => batchOf(`T${t}`, values));

        const { seen, total } = walk(batches);

        expect(seen.flatMap((start) => start.bars)).toEqual(reference(batches));
        let step = 0;
        for (const start of seen) {
          expect(start.step, 'the step of a start is the bars walked before it').toBe(step);
          step += start.bars.length;
          for (const [t, i] of start.bars) {
            expect(batches[t]!.ts[i], 'every bar of a start starts then').toBe(start.barStart);
          }
        }
        const times = seen.map((start) => start.barStart);
        expect(new Set(times).size, 'each start once').toBe(times.length);
        expect(total).toBe(step);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses a batch whose bars are not in time order, or whose start is not a time', () => {
    const unsorted = batchOf('BAD', [2 * BAR_MS, BAR_MS]);
    expect(() => new BarStarts([batchOf('OK', [0]), unsorted])).toThrow(
      'bars of BAD are not in time order: bar 1 starts at 300000, after 600000',
    );
    expect(() => new BarStarts([batchOf('DUP', [0, 0])])).toThrow('bars of DUP are not in time order');
    expect(() => new BarStarts([batchOf('NAN', [Number.NaN])])).toThrow('bars of NAN start at NaN, not a time');
  });
});
