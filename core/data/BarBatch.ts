import type { Bar } from './Bar.js';

/**
 * Columnar bars of one ticker, sorted by strictly increasing `ts` (UTC epoch ms of the bar start).
 * One typed array per column so that features and the backtester scan memory linearly.
 */
export interface BarBatch {
  readonly ticker: string;
  /** Bar size in milliseconds (0 when unknown). */
  readonly barMs: number;
  readonly length: number;
  readonly ts: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}

/** Where bars came from; synthetic data carries its label into every output. */
export interface DataOrigin {
  /** `synthetic` for generated data, `file`, `ibkr`, ... otherwise. */
  readonly kind: string;
  /** Human-readable detail: a path, a generator seed, an adjustment note. */
  readonly detail: string;
}

/** Bars of several tickers plus their origin. Batches are sorted by ticker. */
export interface BarSet {
  readonly batches: readonly BarBatch[];
  readonly origin: DataOrigin;
}

/** Allocates an empty batch with room for `length` bars. */
export function allocateBatch(ticker: string, barMs: number, length: number): BarBatch {
  return {
    ticker,
    barMs,
    length,
    ts: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
  };
}

/** Builds a batch from row objects (all of one ticker, already in time order). */
export function batchFromBars(ticker: string, barMs: number, bars: readonly Bar[]): BarBatch {
  const batch = allocateBatch(ticker, barMs, bars.length);
  bars.forEach((bar, i) => {
    batch.ts[i] = bar.ts;
    batch.open[i] = bar.open;
    batch.high[i] = bar.high;
    batch.low[i] = bar.low;
    batch.close[i] = bar.close;
    batch.volume[i] = bar.volume;
  });
  return batch;
}

/** Returns the first `length` bars of a batch as a view (no copy). */
export function sliceBatch(batch: BarBatch, start: number, end: number): BarBatch {
  return {
    ticker: batch.ticker,
    barMs: batch.barMs,
    length: end - start,
    ts: batch.ts.subarray(start, end),
    open: batch.open.subarray(start, end),
    high: batch.high.subarray(start, end),
    low: batch.low.subarray(start, end),
    close: batch.close.subarray(start, end),
    volume: batch.volume.subarray(start, end),
  };
}

/** Reads bar `i` of a batch as a row object. */
export function barAt(batch: BarBatch, i: number): Bar {
  return {
    ticker: batch.ticker,
    ts: batch.ts[i]!,
    open: batch.open[i]!,
    high: batch.high[i]!,
    low: batch.low[i]!,
    close: batch.close[i]!,
    volume: batch.volume[i]!,
  };
}
