import { join } from 'node:path';
import { expect } from 'vitest';
import type { ModelSpec } from '../../config/models.js';
import { readFeatureFile } from '../../adapters/model/readFeatureFile.js';
import { runNativePredict, runTraining, trainingPython, type PythonOptions } from '../../adapters/model/runTraining.js';
import type { TrainingTarget } from '../../core/models/trainingSpec.js';
import { intraday } from './runCli.js';
import { REPO_ROOT } from './sharedData.js';

/**
 * Timeout of a hook or test that trains through Python: a few seconds on an idle machine, but the interpreter's
 * imports and the fit slow down many times over when the two cores are shared.
 */
export const TRAINING_TIMEOUT = 300_000;

/** The Python training worker (workers/training/.venv, built by scripts/setup.sh). */
export const PYTHON: PythonOptions = trainingPython(REPO_ROOT, process.env['INTRADAY_TRAINING_PYTHON']);

/** Targets as the trainer takes them (config/targets.yaml: direction_5 and forward_return_5). */
export const DIRECTION_5: TrainingTarget = {
  name: 'direction_5',
  type: 'classification',
  classes: ['short', 'hold', 'long'],
  horizon: 5,
};
export const FORWARD_RETURN_5: TrainingTarget = {
  name: 'forward_return_5',
  type: 'regression',
  classes: null,
  horizon: 5,
};

/** Small, fast model specs of each framework and task (few trees: agreement does not need a good model). */
export function smallSpec(framework: ModelSpec['framework'], task: ModelSpec['task'], rounds = 40): ModelSpec {
  const params: ModelSpec['params'] =
    framework === 'lightgbm'
      ? { num_leaves: 15, learning_rate: 0.1, min_data_in_leaf: 50, seed: 7, verbosity: -1 }
      : { max_depth: 4, eta: 0.1, seed: 7 };
  return { framework, task, params, num_boost_round: rounds, early_stopping_rounds: 10 };
}

/** Generated bars for `tickers` over `start..end`, with every feature and target, written to `<dir>/features.parquet`. */
export async function generatedFeatures(
  dir: string,
  tickers = 'AAA,BBB',
  start = '2024-01-02',
  end = '2024-02-29',
): Promise<string> {
  const bars = join(dir, 'bars.parquet');
  const features = join(dir, 'features.parquet');
  const generated = await intraday([
    'data',
    'generate',
    '--tickers',
    tickers,
    '--start',
    start,
    '--end',
    end,
    '--seed',
    '11',
    '--out',
    bars,
  ]);
  expect(generated.code, generated.err).toBe(0);
  const computed = await intraday(['features', 'compute', '--data', bars, '--out', features]);
  expect(computed.code, computed.err).toBe(0);
  return features;
}

/** Features of a real bar file, written to `<dir>/features.parquet`. */
export async function computedFeatures(dir: string, barsFile: string): Promise<string> {
  const features = join(dir, 'features.parquet');
  const computed = await intraday(['features', 'compute', '--data', barsFile, '--out', features]);
  expect(computed.code, computed.err).toBe(0);
  return features;
}

/** Trains `spec` into `<dir>/<name>` through the Python CLI and returns the folder. */
export async function trainSmall(
  dir: string,
  name: string,
  data: string,
  features: readonly string[],
  target: TrainingTarget,
  spec: ModelSpec,
): Promise<string> {
  const out = join(dir, name);
  // No early stopping: every test model gets all its trees, so agreement is checked on a non-trivial ensemble.
  await runTraining({ data, features, target, model: spec, modelName: name, out, earlyStopping: false }, PYTHON);
  return out;
}

/** The native library's predictions for `data` (ticker, ts, then p_0.. or value), read back as columns. */
export async function nativePredictions(
  modelDir: string,
  data: string,
  columns: readonly string[],
): Promise<Awaited<ReturnType<typeof readFeatureFile>>> {
  const out = join(modelDir, 'native-predictions.csv');
  await runNativePredict(modelDir, data, out, PYTHON);
  return readFeatureFile(out, columns);
}

/** Largest absolute difference between two equally long arrays; NaN when either holds NaN at a position. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length, 'compared arrays have the same length').toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= worst)) worst = d;
  }
  return worst;
}
