import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { localBlobRoot } from '../../adapters/blob/openBlobStore.js';
import { loadAppConfig } from '../../adapters/config/loadConfig.js';
import { startDevServer, type DevServer } from '../../adapters/temporal/devServer.js';
import { startResearchStack, type ResearchStack } from '../../workers/research/researchStack.js';
import { resolveTemporalCli } from '../../adapters/temporal/temporalCli.js';
import type { ExperimentInput } from '../../core/experiment/contracts.js';
import { REPO_ROOT } from './sharedData.js';

/**
 * A real Temporal dev server (the CLI built by scripts/setup/temporal.sh, history in memory) for one test file.
 * Each file gets its own server, so files never share visibility or task queues.
 */
export function startTestServer(): Promise<DevServer> {
  return startDevServer({ cli: resolveTemporalCli() });
}

/** A fresh data folder (blob store under <dir>/blobs, scratch under <dir>/scratch). */
export function tempDataDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `intraday-${label}-`));
  mkdirSync(join(dir, 'scratch'), { recursive: true });
  return dir;
}

export interface StackSpec {
  readonly address: string;
  readonly dataDir: string;
  /** Start the Python training worker and the TypeScript worker in this process. */
  readonly workers: boolean;
  readonly researchQueue: string;
  readonly trainingQueue: string;
}

/** The research stack against an existing test server, on the repository's config and a temporary data folder. */
export function startTestStack(spec: StackSpec): Promise<ResearchStack> {
  const app = loadAppConfig(join(REPO_ROOT, 'config'));
  return startResearchStack({
    address: spec.address,
    namespace: 'default',
    packageRoot: REPO_ROOT,
    dataDir: spec.dataDir,
    workers: spec.workers,
    deps: {
      store: new LocalBlobStore(localBlobRoot(spec.dataDir)),
      app,
      scratchDir: join(spec.dataDir, 'scratch'),
    },
    blobKind: 'local',
    researchQueue: spec.researchQueue,
    trainingQueue: spec.trainingQueue,
  });
}

/** A small, quick experiment: 3 synthetic tickers, two months of 5-minute bars, 3 folds, five features. */
export function smallExperiment(
  overrides: Record<string, unknown> = {},
  options: ExperimentInput['options'] = {},
): ExperimentInput {
  return {
    config: {
      name: 'small_sma_rsi',
      hypothesis: 'Short-term trend and RSI predict the direction of the next 5 bars (test)',
      data: {
        source: 'synthetic',
        tickers: ['AAPL', 'MSFT', 'GOOG'],
        start: '2024-01-02',
        end: '2024-02-29',
        bar: '5m',
        seed: 7,
      },
      features: ['sma_5', 'sma_20', 'rsi_14', 'volume_ratio', 'atr_14'],
      target: 'direction_5',
      model: 'lgbm_direction',
      walk_forward: { folds: 3, mode: 'rolling', train_fraction: 0.5 },
      ...overrides,
    },
    options: { activityHeartbeatSeconds: 20, ...options },
  };
}

/** A task queue name unique to this test run. */
export function uniqueQueue(label: string): string {
  return `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}
