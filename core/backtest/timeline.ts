import type { BarBatch } from '../data/BarBatch.js';

/**
 * All bars of all tickers in time order, ties by ticker order: `ticker[i]` and `index[i]` locate the i-th bar.
 * Built by one native sort of packed keys (time * 2^k + ticker) instead of a k-way merge.
 */
export interface Timeline {
  readonly length: number;
  readonly ticker: Uint32Array;
  readonly index: Uint32Array;
}

/** Interleaves the batches' bars by bar start. */
export function buildTimeline(batches: readonly BarBatch[]): Timeline {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  let shift = 1;
  while (shift < batches.length) shift *= 2;
  const keys = new Float64Array(total);
  let at = 0;
  batches.forEach((batch, t) => {
    for (let i = 0; i < batch.length; i++) keys[at++] = batch.ts[i]! * shift + t;
  });
  keys.sort();
  const ticker = new Uint32Array(total);
  const index = new Uint32Array(total);
  const cursor = new Uint32Array(batches.length);
  for (let i = 0; i < total; i++) {
    const t = keys[i]! % shift;
    ticker[i] = t;
    index[i] = cursor[t]!++;
  }
  return { length: total, ticker, index };
}
