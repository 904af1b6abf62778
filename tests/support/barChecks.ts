import type { BarBatch } from '../../core/data/BarBatch.js';

/** True when bar `i` is consistent: positive prices, high/low bracketing open and close, whole positive volume. */
export function isConsistentBar(batch: BarBatch, i: number): boolean {
  const open = batch.open[i]!;
  const high = batch.high[i]!;
  const low = batch.low[i]!;
  const close = batch.close[i]!;
  const volume = batch.volume[i]!;
  return (
    low > 0 && high >= Math.max(open, close) && low <= Math.min(open, close) && Number.isInteger(volume) && volume >= 1
  );
}
