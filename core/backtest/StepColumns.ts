import type { BarBatch } from '../data/BarBatch.js';
import type { SignalColumns } from './runBacktest.js';
import type { Timeline } from './timeline.js';

/** Doubles per step in `StepColumns.values`, and the place of each value within a step. */
export const STEP_WIDTH = 8;
export const TS = 0;
export const OPEN = 1;
export const HIGH = 2;
export const LOW = 3;
export const CLOSE = 4;
export const VOLUME = 5;
export const SIGNAL = 6;
export const CONFIDENCE = 7;

/** One ticker's signals, aligned to its bars (NaN where a bar has none), or null when it has none at all. */
export type SignalColumn = SignalColumns[string] | null;

/**
 * Steps' bar and signal values, a chunk of the timeline at a time, copied into step order.
 *
 * Why: in time order the backtest takes one bar from each of a hundred tickers in turn, so reading eight per-ticker
 * columns at each step touched eight cache lines far apart, and the engine's work between two steps is long
 * enough that the processor never had the next step's loads in flight: a memory stall on almost every step (about
 * 60 ns a bar on the benchmark). Here each ticker's part of a chunk is read front to back in one tight loop (many
 * loads in flight, prefetchable), through the timeline's inverse `stepOf`, and written into one step-ordered array
 * the cache holds, the eight values of a step side by side (`STEP_WIDTH` doubles, one 64-byte cache line), so a
 * step is one line to write and one to read. Values are copied, never computed: a step sees exactly the numbers
 * of its bar.
 */
export class StepColumns {
  /** First step of the chunk held, and the step after its last. */
  start = 0;
  end = 0;
  /** Step `k` of the chunk at `k * STEP_WIDTH`: bar start, open, high, low, close, volume, signal, confidence. */
  readonly values: Float64Array;
  private readonly capacity: number;
  private readonly batches: readonly BarBatch[];
  private readonly signals: readonly SignalColumn[];
  private readonly timeline: Timeline;
  /** Per batch, the first bar not copied yet. */
  private readonly next: Uint32Array;

  /**
   * `capacity` steps per chunk: 8,192 steps are 512 KB of copies, well inside this machine's 2 MB of L2 cache per
   * core, and about 80 bars of each of 100 tickers per pass.
   */
  constructor(batches: readonly BarBatch[], signals: readonly SignalColumn[], timeline: Timeline, capacity = 8_192) {
    if (!(Number.isSafeInteger(capacity) && capacity > 0)) {
      throw new Error(`capacity must be positive, was ${capacity}`);
    }
    this.batches = batches;
    this.signals = signals;
    this.timeline = timeline;
    this.next = new Uint32Array(batches.length);
    this.capacity = capacity;
    this.values = new Float64Array(capacity * STEP_WIDTH);
  }

  /** Copies the chunk that starts at `start` (the step after the previous chunk, or 0 first). */
  load(start: number): void {
    if (start !== this.end) throw new Error(`chunks are loaded in order: expected step ${this.end}, was ${start}`);
    const end = Math.min(start + this.capacity, this.timeline.length);
    const values = this.values;
    for (let t = 0; t < this.batches.length; t++) {
      const batch = this.batches[t]!;
      const steps = this.timeline.stepOf[t]!;
      const columns = this.signals[t] ?? null;
      let i = this.next[t]!;
      for (; i < batch.length; i++) {
        const step = steps[i]!;
        if (step >= end) break;
        const at = (step - start) * STEP_WIDTH;
        values[at + TS] = batch.ts[i]!;
        values[at + OPEN] = batch.open[i]!;
        values[at + HIGH] = batch.high[i]!;
        values[at + LOW] = batch.low[i]!;
        values[at + CLOSE] = batch.close[i]!;
        values[at + VOLUME] = batch.volume[i]!;
        values[at + SIGNAL] = columns === null ? NaN : columns.signal[i]!;
        values[at + CONFIDENCE] = columns === null ? NaN : columns.confidence[i]!;
      }
      this.next[t] = i;
    }
    this.start = start;
    this.end = end;
  }
}
