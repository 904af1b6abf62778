import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { ExperimentConfigSchema } from '../../config/experiment.js';
import type { PreparedExperiment } from '../../core/experiment/contracts.js';
import type { ExperimentDeps } from './deps.js';

/** The repository's config folder (config/*.yaml), which the steps' tests run against. */
export const CONFIG_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'config');

/** Deps over a LocalBlobStore in a fresh temporary folder, recording heartbeats; `cleanup` removes the folder. */
export interface StepTestDeps {
  readonly deps: ExperimentDeps;
  readonly store: LocalBlobStore;
  readonly heartbeats: unknown[];
  readonly cleanup: () => Promise<void>;
}

/** A temporary blob store, the repository's config and a heartbeat recorder, for tests of the experiment steps. */
export async function stepTestDeps(): Promise<StepTestDeps> {
  const root = await mkdtemp(join(tmpdir(), 'intraday-steps-'));
  const store = new LocalBlobStore(join(root, 'blobs'));
  const heartbeats: unknown[] = [];
  const deps: ExperimentDeps = {
    store,
    app: loadAppConfig(CONFIG_DIR),
    scratchDir: join(root, 'scratch'),
    heartbeat: (details) => heartbeats.push(details),
  };
  return { deps, store, heartbeats, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/**
 * A prepared experiment for step tests: `config` is a raw experiment config (validated here, defaults filled) and
 * the keys sit under `experiments/data/test/`. Only the fields the model and evaluation steps read matter.
 */
export function testPrepared(
  config: Record<string, unknown> = {},
  configHash = 'c0ffee0000000001',
): PreparedExperiment {
  const parsed = ExperimentConfigSchema.parse({
    name: 'step_test',
    hypothesis: 'a test hypothesis',
    data: { tickers: ['AAA'], start: '2024-01-02', end: '2024-01-31' },
    features: ['sma_5'],
    target: 'direction_5',
    model: 'lgbm_direction',
    ...config,
  });
  return {
    name: parsed.name,
    hypothesis: parsed.hypothesis,
    config: JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>,
    configHash,
    features: parsed.features === 'all' ? [] : parsed.features,
    featureSetHash: 'feedfeedfeedfeed',
    target: { name: parsed.target, type: 'classification', classes: ['short', 'hold', 'long'], horizon: 5 },
    modelName: parsed.model,
    model: { framework: 'lightgbm', task: 'classification', params: {}, num_boost_round: 10, early_stopping_rounds: 5 },
    importance: { ...parsed.importance },
    shards: [parsed.data.tickers],
    barsKey: 'experiments/data/test/bars.parquet',
    datasetPrefix: 'experiments/data/test/sets/s1',
  };
}
