import { loadAppConfig } from '../adapters/config/loadConfig.js';
import { loadBars } from '../adapters/data/index.js';
import { resolveConfigDir } from '../cli/paths.js';
import { benchBacktest } from './backtestBench.js';
import { benchFeatures } from './featureBench.js';
import { benchFile } from './sharedData.js';

/**
 * `npm run bench`: prints one JSON document of measured numbers. Each issue adds its section.
 * Numbers are wall-clock seconds on this machine, one thread; peak memory is the process's max RSS.
 */
async function main(): Promise<void> {
  const results: Record<string, number | string> = {
    'machine.node': process.version,
    'machine.cpus': (await import('node:os')).cpus().length,
  };
  const app = loadAppConfig(resolveConfigDir());
  const file = benchFile('bench/us_equity_5min_101tickers_2025-05_2026-03.parquet');
  if (file) {
    const started = performance.now();
    const { bars, quarantine } = await loadBars(file);
    results['data.load_seconds'] = Math.round(performance.now() - started) / 1000;
    results['data.rows'] = quarantine.rowsIn;
    results['data.rows_quarantined'] = quarantine.rowsIn - quarantine.rowsOut;
    results['data.tickers'] = bars.batches.length;
    results['data.peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
    Object.assign(results, benchFeatures(bars, app));
    Object.assign(results, benchBacktest(bars, app));
  } else {
    results['data.skipped'] = 'bench file absent';
  }
  results['peak_rss_mb'] = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
