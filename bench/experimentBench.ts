import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBlobStore } from '../adapters/blob/LocalBlobStore.js';
import { localBlobRoot } from '../adapters/blob/openBlobStore.js';
import { loadExperiment } from '../adapters/config/loadConfig.js';
import { runExperiment } from '../cli/experiment/runExperiment.js';
import { PACKAGE_ROOT } from '../cli/paths.js';
import type { AppConfig } from '../config/configFiles.js';
import { formatDay, localDayOf } from '../core/calendar/timezone.js';
import type { BarSet } from '../core/data/BarBatch.js';
import { startResearchStack } from '../workers/research/researchStack.js';

const round = (value: number): number => Number(value.toFixed(2));

/**
 * Experiment turnaround, wall clock, orchestration included: a fresh data folder, the embedded dev server started,
 * both workers started, the experiment run to its report and record, everything stopped. `startup_seconds` is the
 * server and workers; each step's seconds come from the workflow (workflow time).
 */
async function turnaround(label: string, config: unknown, app: AppConfig): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-experiment-${label}-`));
  mkdirSync(join(dataDir, 'scratch'));
  const started = performance.now();
  const stack = await startResearchStack({
    namespace: 'default',
    packageRoot: PACKAGE_ROOT,
    dataDir,
    workers: true,
    deps: { store: new LocalBlobStore(localBlobRoot(dataDir)), app, scratchDir: join(dataDir, 'scratch') },
    blobKind: 'local',
  });
  const startup = (performance.now() - started) / 1000;
  try {
    const result = await runExperiment(
      stack.client,
      { config },
      { onProgress: (line) => console.error(`[${label}] ${line}`) },
    );
    const out: Record<string, number | string> = {
      [`experiment.${label}.seconds`]: round((performance.now() - started) / 1000),
      [`experiment.${label}.startup_seconds`]: round(startup),
    };
    for (const [step, seconds] of Object.entries(result.steps)) {
      out[`experiment.${label}.step.${step}`] = round(seconds);
    }
    out[`experiment.${label}.verdict`] = result.verdict;
    out[`experiment.${label}.folds`] = result.folds;
    return out;
  } finally {
    await stack.stop();
    // BENCH_KEEP_DATA=1 keeps the folder (bars, features, models, predictions, report) to study a step afterwards.
    if (process.env['BENCH_KEEP_DATA'] === '1') console.error(`[${label}] data folder kept: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Issue 5's two turnaround benchmarks, 12-fold walk-forward, every feature, direction_5: (a) 3 synthetic tickers x 1
 * year of 5-minute bars (config/experiments/all_features_direction.yaml as shipped), target under 30 s; (b) the
 * 101-ticker real file, target under 3 minutes.
 */
export async function benchExperiment(
  app: AppConfig,
  file: string | null,
  bars: BarSet | null,
): Promise<Record<string, number | string>> {
  const configDir = join(PACKAGE_ROOT, 'config');
  const shipped = loadExperiment(join(configDir, 'experiments', 'all_features_direction.yaml'), app);
  // BENCH_EXPERIMENT=a or b runs one of the two (each takes a while); both by default.
  const which = process.env['BENCH_EXPERIMENT'] ?? 'ab';
  const results = which.includes('a')
    ? await turnaround('a_synthetic_3x1y', JSON.parse(JSON.stringify(shipped)), app)
    : {};
  if (file && bars && which.includes('b')) {
    let first = Infinity;
    let last = -Infinity;
    for (const batch of bars.batches) {
      if (batch.length === 0) continue;
      first = Math.min(first, batch.ts[0]!);
      last = Math.max(last, batch.ts[batch.length - 1]!);
    }
    const real = {
      ...JSON.parse(JSON.stringify(shipped)),
      name: 'bench_real_101',
      data: {
        source: 'parquet',
        path: file,
        tickers: bars.batches.map((batch) => batch.ticker),
        start: formatDay(localDayOf(first)),
        end: formatDay(localDayOf(last)),
        bar: '5m',
      },
    };
    Object.assign(results, await turnaround('b_real_101', real, app));
  }
  return results;
}
