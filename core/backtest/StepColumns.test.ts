import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFromBars, type BarBatch } from '../data/BarBatch.js';
import {
  CLOSE,
  CONFIDENCE,
  HIGH,
  LOW,
  OPEN,
  SIGNAL,
  STEP_WIDTH,
  StepColumns,
  TS,
  VOLUME,
  type SignalColumn,
} from './StepColumns.js';
import { buildTimeline } from './timeline.js';

const BAR_MS = 300_000;

/** A batch whose every value names its bar, so a copy from the wrong bar or column cannot go unnoticed. */
function batchOf(t: number, slots: readonly number[]): BarBatch {
  const ticker = `T${t}`;
  const value = (i: number, column: number): number => t * 1_000_000 + i * 10 + column;
  return batchFromBars(
    ticker,
    BAR_MS,
    slots.map((slot, i) => ({
      ticker,
      ts: slot * BAR_MS,
      open: value(i, 1),
      high: value(i, 2),
      low: value(i, 3),
      close: value(i, 4),
      volume: value(i, 5),
    })),
  );
}

describe('StepColumns', () => {
  it('holds at each step exactly the values of the bar the timeline puts there, whatever the chunk size', () => {
    const slots = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 })
      .map((v) => v.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        fc.array(slots, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (tickers, capacity, hasSignals) => {
          const batches = tickers.map((values, t) => batchOf(t, values));
          const signals: SignalColumn[] = batches.map((batch, t) =>
            hasSignals[t]
              ? {
                  signal: Float64Array.from({ length: batch.length }, (_, i) => -(t * 1000 + i)),
                  confidence: Float64Array.from({ length: batch.length }, (_, i) => t * 1000 + i + 0.5),
                }
              : null,
          );
          const timeline = buildTimeline(batches);
          const columns = new StepColumns(batches, signals, timeline, capacity);

          for (let step = 0; step < timeline.length; step++) {
            if (step === columns.end) columns.load(step);
            const at = (step - columns.start) * STEP_WIDTH;
            const v = columns.values;
            const t = timeline.ticker[step]!;
            const i = timeline.index[step]!;
            const batch = batches[t]!;
            const seen = [v[at + TS], v[at + OPEN], v[at + HIGH], v[at + LOW], v[at + CLOSE]];
            const want = [batch.ts[i], batch.open[i], batch.high[i], batch.low[i], batch.close[i]];
            expect(seen).toEqual(want);
            expect(v[at + VOLUME]).toBe(batch.volume[i]);
            expect(v[at + SIGNAL]).toBe(hasSignals[t] ? -(t * 1000 + i) : NaN);
            expect(v[at + CONFIDENCE]).toBe(hasSignals[t] ? t * 1000 + i + 0.5 : NaN);
          }
          expect(columns.end).toBe(timeline.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a chunk out of order, which would copy the wrong bars', () => {
    const batches = [batchOf(0, [0, 1, 2, 3])];
    const columns = new StepColumns(batches, [null], buildTimeline(batches), 2);

    expect(() => columns.load(2)).toThrow('chunks are loaded in order: expected step 0, was 2');
  });
});
