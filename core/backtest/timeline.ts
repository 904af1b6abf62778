import type { BarBatch } from '../data/BarBatch.js';

/**
 * All bars of all tickers in time order, ties by ticker order: `ticker[i]` and `index[i]` locate the i-th bar.
 * Built by a bucket sort over the bar-size grid (a few linear passes, twice as fast as sorting at a million bars),
 * else by one native sort of packed keys (time * 2^k + ticker) instead of a k-way merge.
 */
export interface Timeline {
  readonly length: number;
  readonly ticker: Uint32Array;
  readonly index: Uint32Array;
  /** The inverse: `stepOf[t][i]` is the step of bar `i` of batch `t` (increasing in `i`, as batches are sorted). */
  readonly stepOf: readonly Uint32Array[];
}

/**
 * Slots of the bar grid placed per block (2,048 five-minute slots are a week). Within a block every
 * ticker's bars are placed in turn, so the writes stay inside the block's part of the output (a few hundred
 * kilobytes, which the cache holds) instead of each ticker sweeping the whole output: placing ticker by ticker over
 * all 1.65 M bars of the benchmark touched a new cache line with almost every write, and took twice as long.
 */
const BLOCK_SLOTS = 2_048;

/** Interleaves the batches' bars by bar start. `blockSlots` is for tests (see `BLOCK_SLOTS`). */
export function buildTimeline(batches: readonly BarBatch[], blockSlots: number = BLOCK_SLOTS): Timeline {
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const ticker = new Uint32Array(total);
  const index = new Uint32Array(total);
  const stepOf = batches.map((batch) => new Uint32Array(batch.length));
  if (!placeOnGrid(batches, ticker, index, stepOf, blockSlots)) {
    placeBySort(batches, ticker);
    const cursor = new Uint32Array(batches.length);
    for (let at = 0; at < total; at++) {
      const t = ticker[at]!;
      const i = cursor[t]!++;
      index[at] = i;
      stepOf[t]![i] = at;
    }
  }
  return { length: total, ticker, index, stepOf };
}

/**
 * Bucket sort on the bar-size grid: bars go to the slot holding their start, tickers in ticker order, then an
 * insertion pass puts the rare bar that starts off the grid in its place (stable, so ties stay in ticker order).
 * With every bar on the grid, a slot holds bars of one start only, so the insertion pass and its copy of the starts
 * are skipped. Batches are sorted, so their ends bound the range; a bar outside it (an unsorted batch) or a grid
 * that does not fit the bars (too many slots, or too much to move) gives false, and the caller sorts instead.
 */
function placeOnGrid(
  batches: readonly BarBatch[],
  out: Uint32Array,
  index: Uint32Array,
  stepOf: readonly Uint32Array[],
  blockSlots: number,
): boolean {
  const total = out.length;
  const step = batches[0]?.barMs ?? 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const batch of batches) {
    if (batch.length === 0) continue;
    first = Math.min(first, batch.ts[0]!);
    last = Math.max(last, batch.ts[batch.length - 1]!);
  }
  const slots = Math.floor((last - first) / step) + 1;
  if (!(step > 0) || !Number.isSafeInteger(slots) || slots > 4 * total + 1024) return false;
  const starts = new Uint32Array(slots + 1);
  let offGrid = false;
  for (const batch of batches) {
    const times = batch.ts;
    for (let i = 0; i < batch.length; i++) {
      const ts = times[i]!;
      if (!(ts >= first && ts <= last)) return false;
      const offset = (ts - first) / step;
      const slot = Math.floor(offset);
      if (slot !== offset) offGrid = true;
      starts[slot + 1]!++;
    }
  }
  for (let slot = 1; slot <= slots; slot++) starts[slot]! += starts[slot - 1]!;
  const placed = offGrid ? new Float64Array(total) : null;
  // Each ticker's bars are sorted, so a cursor per ticker walks them block by block.
  const cursor = new Uint32Array(batches.length);
  for (let end = blockSlots; end - blockSlots < slots; end += blockSlots) {
    for (let t = 0; t < batches.length; t++) {
      const batch = batches[t]!;
      const times = batch.ts;
      const steps = stepOf[t]!;
      let i = cursor[t]!;
      for (; i < batch.length; i++) {
        const slot = Math.floor((times[i]! - first) / step);
        if (slot >= end) break;
        const at = starts[slot]!++;
        out[at] = t;
        index[at] = i;
        steps[i] = at;
        if (placed !== null) placed[at] = times[i]!;
      }
      cursor[t] = i;
    }
  }
  return placed === null || insertOffGrid(out, index, stepOf, placed);
}

/**
 * Stable insertion pass over nearly sorted starts, moving `out` and `index` along and keeping `stepOf` their
 * inverse; false once it moves too much.
 */
function insertOffGrid(
  out: Uint32Array,
  index: Uint32Array,
  stepOf: readonly Uint32Array[],
  placed: Float64Array,
): boolean {
  const total = out.length;
  let moves = 0;
  for (let at = 1; at < total; at++) {
    const ts = placed[at]!;
    if (ts >= placed[at - 1]!) continue;
    const t = out[at]!;
    const i = index[at]!;
    let to = at;
    for (; to > 0 && placed[to - 1]! > ts; to--) {
      placed[to] = placed[to - 1]!;
      out[to] = out[to - 1]!;
      index[to] = index[to - 1]!;
      stepOf[out[to]!]![index[to]!] = to;
    }
    placed[to] = ts;
    out[to] = t;
    index[to] = i;
    stepOf[t]![i] = to;
    moves += at - to;
    if (moves > 8 * total) return false;
  }
  return true;
}

function placeBySort(batches: readonly BarBatch[], out: Uint32Array): void {
  let shift = 1;
  while (shift < batches.length) shift *= 2;
  const keys = new Float64Array(out.length);
  let at = 0;
  batches.forEach((batch, t) => {
    for (let i = 0; i < batch.length; i++) keys[at++] = batch.ts[i]! * shift + t;
  });
  keys.sort();
  for (let i = 0; i < out.length; i++) out[i] = keys[i]! % shift;
}
