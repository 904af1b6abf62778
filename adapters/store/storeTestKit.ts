import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newYorkDayOf } from '../../core/calendar/newYorkDayOf.js';
import { parseDay } from '../../core/calendar/timezone.js';
import type { BarBatch, BarSet } from '../../core/data/BarBatch.js';
import { sliceBatch } from '../../core/data/BarBatch.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { generateBars } from '../../core/synthetic/generateBars.js';
import { LocalBlobStore } from '../blob/LocalBlobStore.js';

// Test helpers of the store tests (kept out of *.test.ts so several test files share them).

/** A bar store root in a fresh temporary folder; call `cleanup` in afterEach/afterAll. */
export async function tempBlobStore(): Promise<{ root: string; blobs: LocalBlobStore; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'bar-store-'));
  return {
    root,
    blobs: new LocalBlobStore(join(root, 'blobs')),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Seeded synthetic 5-minute bars, relabelled as file data unless `synthetic` is asked for. */
export function makeBars(tickers: readonly string[], start: string, end: string, seed = 3, synthetic = false): BarSet {
  const bars = generateBars({ tickers, startDay: parseDay(start), endDay: parseDay(end), barMs: 300_000, seed });
  return synthetic ? bars : { ...bars, origin: { kind: 'file', detail: 'test bars' } };
}

/** The bars of New York days `start..end` (inclusive) of every batch. */
export function daysOf(bars: BarSet, start: string, end: string): BarSet {
  const from = parseDay(start);
  const to = parseDay(end);
  const batches = bars.batches.map((batch): BarBatch => {
    let first = 0;
    while (first < batch.length && newYorkDayOf(batch.ts[first]!) < from) first++;
    let last = first;
    while (last < batch.length && newYorkDayOf(batch.ts[last]!) <= to) last++;
    return sliceBatch(batch, first, last);
  });
  return { ...bars, batches };
}

/** A copy of `bars` with the close of every bar on New York day `day` moved by `delta` (high/low widened). */
export function reviseDay(bars: BarSet, day: string, delta: number): BarSet {
  const target = parseDay(day);
  const batches = bars.batches.map((batch): BarBatch => {
    const copy = { ...batch, close: batch.close.slice(), high: batch.high.slice(), low: batch.low.slice() };
    for (let i = 0; i < batch.length; i++) {
      if (newYorkDayOf(batch.ts[i]!) !== target) continue;
      copy.close[i] = batch.close[i]! + delta;
      copy.high[i] = Math.max(copy.high[i]!, copy.close[i]!);
      copy.low[i] = Math.min(copy.low[i]!, copy.close[i]!);
    }
    return copy;
  });
  return { ...bars, batches };
}

/** sha256 of every blob under a prefix, by key. */
export async function hashesUnder(blobs: BlobStore, prefix: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const info of await blobs.list(prefix)) {
    hashes[info.key] = createHash('sha256')
      .update(await blobs.get(info.key))
      .digest('hex');
  }
  return hashes;
}

/** Bars as plain rows (ticker, ts, OHLCV) for deep equality checks. */
export function rowsOf(bars: BarSet): (string | number)[][] {
  return bars.batches.flatMap((batch) =>
    Array.from({ length: batch.length }, (_, i) => [
      batch.ticker,
      batch.ts[i]!,
      batch.open[i]!,
      batch.high[i]!,
      batch.low[i]!,
      batch.close[i]!,
      batch.volume[i]!,
    ]),
  );
}
