import { EMA, RSI, SMA } from 'trading-signals';
import type { AppConfig } from '../config/configFiles.js';
import type { BarSet } from '../core/data/BarBatch.js';
import { buildFeaturePipeline } from '../core/features/index.js';
import { medianSeconds, RUNS } from './median.js';

/** All configured features over every bar of the set, on this one thread; also a reference library's speed. */
export function benchFeatures(bars: BarSet, app: AppConfig): Record<string, number> {
  const pipeline = buildFeaturePipeline(app.features);
  const totalBars = bars.batches.reduce((sum, batch) => sum + batch.length, 0);
  // One warm-up pass on a slice lets the JIT settle, as it would in a long-running worker.
  for (const batch of bars.batches.slice(0, 2)) pipeline.computeBatch(batch);
  let checksum = 0;
  const seconds = medianSeconds(RUNS, () => {
    for (const batch of bars.batches) {
      const columns = pipeline.computeBatch(batch);
      checksum += columns[0]![batch.length - 1] ?? 0;
    }
  });
  if (!Number.isFinite(checksum)) throw new Error('feature benchmark produced a non-finite checksum');
  return {
    'features.count': pipeline.names.length,
    'features.bars': totalBars,
    'features.seconds': seconds,
    'features.bars_per_sec': Math.round(totalBars / seconds),
    'features.reference_trading_signals_seconds_per_indicator': round(benchReference(bars)),
  };
}

/** Seconds per indicator of trading-signals (SMA 20, EMA 20, RSI 14) over the same closes: the naive way. */
function benchReference(bars: BarSet): number {
  const makers = [() => new SMA(20), () => new EMA(20), () => new RSI(14)];
  const started = performance.now();
  for (const make of makers) {
    for (const batch of bars.batches) {
      const indicator = make();
      for (let i = 0; i < batch.length; i++) indicator.update(batch.close[i]!, false);
    }
  }
  return (performance.now() - started) / 1000 / makers.length;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
