import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelSpec } from '../../config/models.js';
import type { TrainingTarget } from '../../core/models/trainingSpec.js';
import { TrainingFailedError, TrainingInputInvalidError, TrainingUnavailableError } from './errors.js';

/** What `python -m intraday_training train` needs. Paths may be relative; they are resolved before the call. */
export interface TrainingRequest {
  readonly data: string;
  readonly features: readonly string[];
  readonly target: TrainingTarget;
  readonly model: ModelSpec;
  readonly modelName: string;
  readonly out: string;
  /** Half-open row ranges `[start, end)` of the data file; the trainer's default split when absent. */
  readonly trainRows?: string;
  readonly validRows?: string;
  /** False trains every `num_boost_round` tree (benchmarks). */
  readonly earlyStopping?: boolean;
}

/** Where the Python worker lives and how to hear from it. */
export interface PythonOptions {
  /** The venv's python (default: `trainingPython(packageRoot)`). */
  readonly python: string;
  /** workers/training, the working folder of the call. */
  readonly workdir: string;
  /** Each progress line the trainer prints (its stderr, and stdout lines before the summary). */
  readonly onProgress?: (line: string) => void;
}

/** The venv python of workers/training, or INTRADAY_TRAINING_PYTHON when set (read by the composition root). */
export function trainingPython(packageRoot: string, override?: string): PythonOptions {
  const workdir = join(packageRoot, 'workers', 'training');
  return { python: override ?? join(workdir, '.venv', 'bin', 'python'), workdir };
}

/** Runs the trainer and returns its one-line JSON summary (the last stdout line). */
export async function runTraining(request: TrainingRequest, options: PythonOptions): Promise<Record<string, unknown>> {
  const args = [
    '-m',
    'intraday_training',
    'train',
    ...dataArgs(request),
    '--model-name',
    request.modelName,
    '--out',
    resolve(request.out),
    ...(request.earlyStopping === false ? ['--no-early-stopping'] : []),
  ];
  return lastJsonLine(await runPython(args, options));
}

/** What `python -m intraday_training lightgbm-floor` measured (workers/training/intraday_training/floor.py). */
export interface LightgbmFloor {
  readonly rows_train: number;
  readonly threads: number;
  readonly rounds: number;
  readonly trees: number;
  readonly construct_seconds: number;
  readonly round_seconds: number;
  readonly round_cpu_seconds: number;
  readonly num_boost_round: number;
  readonly fit_seconds_extrapolated: number;
}

/**
 * Seconds per round of LightGBM's cheapest model (4 leaves, 5% bag, two features per tree) on the rows a training
 * with `request` would use, timed over `rounds` rounds and extrapolated to the model's `num_boost_round`: the part
 * of a fit no hyperparameter removes. For the benchmark.
 */
export async function runLightgbmFloor(
  request: Omit<TrainingRequest, 'out' | 'earlyStopping'>,
  rounds: number,
  options: PythonOptions,
): Promise<LightgbmFloor> {
  const args = [
    '-m',
    'intraday_training',
    'lightgbm-floor',
    ...dataArgs(request),
    '--model-name',
    request.modelName,
    '--rounds',
    String(rounds),
  ];
  return lastJsonLine(await runPython(args, options)) as unknown as LightgbmFloor;
}

/** The data, features, target, model and row flags `train` and `lightgbm-floor` share. */
function dataArgs(request: Omit<TrainingRequest, 'out' | 'earlyStopping' | 'modelName'>): string[] {
  return [
    '--data',
    resolve(request.data),
    '--features',
    request.features.join(','),
    '--target-json',
    JSON.stringify(request.target),
    '--model-json',
    JSON.stringify(request.model),
    ...(request.trainRows ? ['--train-rows', request.trainRows] : []),
    ...(request.validRows ? ['--valid-rows', request.validRows] : []),
  ];
}

function lastJsonLine(stdout: string): Record<string, unknown> {
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new TrainingFailedError(
      `expected a one-line JSON summary on stdout, the last line was ${JSON.stringify(last)}`,
    );
  }
}

/** Predicts with the native library (LightGBM or XGBoost) through the trainer's `predict` command. */
export async function runNativePredict(
  modelDir: string,
  data: string,
  out: string,
  options: PythonOptions,
): Promise<void> {
  await runPython(
    [
      '-m',
      'intraday_training',
      'predict',
      '--model',
      resolve(modelDir),
      '--data',
      resolve(data),
      '--out',
      resolve(out),
    ],
    options,
  );
}

/** Runs the venv python; stderr lines go to `onProgress`; exit 2 is bad input, any other failure a crash. */
function runPython(args: readonly string[], options: PythonOptions): Promise<string> {
  if (!existsSync(options.python)) return Promise.reject(new TrainingUnavailableError(options.python));
  return new Promise((done, fail) => {
    const child = spawn(options.python, args, { cwd: options.workdir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const errors: string[] = [];
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        errors.push(line);
        options.onProgress?.(line);
      }
    });
    child.on('error', (error) => fail(new TrainingFailedError(`${options.python} did not start (${error.message})`)));
    child.on('close', (code, signal) => {
      if (partial) {
        errors.push(partial);
        options.onProgress?.(partial);
      }
      const tail = errors
        .filter((line) => line.trim() !== '')
        .slice(-5)
        .join('\n');
      if (code === 0) done(stdout);
      else if (code === 2) fail(new TrainingInputInvalidError(tail || 'no message'));
      else fail(new TrainingFailedError(`python exited with ${signal ?? `code ${code}`}: ${tail || 'no message'}`));
    });
  });
}
