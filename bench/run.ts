import { loadAppConfig } from '../adapters/config/loadConfig.js';
import { loadBars } from '../adapters/data/index.js';
import { resolveConfigDir } from '../cli/paths.js';
import { benchBacktest } from './backtestBench.js';
import { benchExperiment } from './experimentBench.js';
import { benchFeatures } from './featureBench.js';
import { benchFeedback } from './feedbackBench.js';
import { benchIbkr } from './ibkrBench.js';
import { RUNS } from './median.js';
import { benchModel } from './modelBench.js';
import { benchRedis } from './redisBench.js';
import { benchStore } from './storeBench.js';
import { benchFile } from './sharedData.js';

/**
 * `npm run bench`: prints one JSON document of measured numbers. Each issue adds its section.
 * Numbers are wall-clock seconds on this machine, one thread; peak memory is the process's max RSS.
 */
/** Runs a full collection when node was started with --expose-gc (scripts/bench.sh does). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main(): Promise<void> {
  const results: Record<string, number | string> = {
    'machine.node': process.version,
    'machine.cpus': (await import('node:os')).cpus().length,
    'runs_per_section (median reported)': RUNS,
  };
  const app = loadAppConfig(resolveConfigDir());
  // `npm run bench -- experiment model` (or BENCH_ONLY=experiment,model) runs only the named sections.
  const only = new Set([...process.argv.slice(2), ...(process.env['BENCH_ONLY'] ?? '').split(',')].filter(Boolean));
  const want = (section: string): boolean => only.size === 0 || only.has(section);
  const file = benchFile('bench/us_equity_5min_101tickers_2025-05_2026-03.parquet');
  if (file) {
    const loadTimes: number[] = [];
    let loaded = null as Awaited<ReturnType<typeof loadBars>> | null;
    for (let run = 0; run < RUNS; run++) {
      collectGarbage();
      const started = performance.now();
      loaded = await loadBars(file);
      loadTimes.push((performance.now() - started) / 1000);
    }
    loadTimes.sort((a, b) => a - b);
    const { bars, quarantine } = loaded!;
    results['data.load_seconds'] = Math.round(loadTimes[Math.floor(RUNS / 2)]! * 1000) / 1000;
    results['data.rows'] = quarantine.rowsIn;
    results['data.rows_quarantined'] = quarantine.rowsIn - quarantine.rowsOut;
    results['data.tickers'] = bars.batches.length;
    results['data.peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
    if (want('features')) Object.assign(results, benchFeatures(bars, app));
    // Each section starts from a collected heap, so one section's garbage is not charged to the next.
    collectGarbage();
    if (want('backtest')) Object.assign(results, benchBacktest(bars, app));
    collectGarbage();
    if (want('model')) Object.assign(results, await benchModel(bars, app));
    collectGarbage();
    if (want('store')) Object.assign(results, await benchStore(bars));
    collectGarbage();
    if (want('experiment')) Object.assign(results, await benchExperiment(app, file, bars));
  } else {
    if (want('experiment')) Object.assign(results, await benchExperiment(app, null, null));
    results['data.skipped'] = 'bench file absent';
  }
  if (want('redis')) Object.assign(results, await benchRedis(app.system.redis));
  if (want('feedback')) Object.assign(results, await benchFeedback(app.system.postgres));
  if (want('ibkr')) Object.assign(results, await benchIbkr());
  results['peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
