import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../core/AppError.js';

/** How to start the Python training worker (workers/training, task queue `training`). */
export interface TrainingWorkerOptions {
  /** The package root (the folder holding workers/training). */
  readonly packageRoot: string;
  readonly address: string;
  readonly namespace: string;
  /** The data folder: the local blob store is `<dataDir>/blobs` for both languages. */
  readonly dataDir: string;
  /** `local` or `azure`, as system.yaml's blob.kind: the Python side reads it from INTRADAY_BLOB_KIND. */
  readonly blobKind: string;
  /** Blob container for the azure kind. */
  readonly blobContainer?: string;
  /** Task queue (default `training`). */
  readonly taskQueue?: string;
  /** Lines the worker writes to stderr (its log). */
  readonly onLog?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export interface TrainingWorker {
  readonly process: ChildProcess;
  /** SIGTERM (the worker finishes its heartbeat window and leaves), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** Starts `python -m intraday_training.worker` from the venv and waits for its "polling" line. */
export async function startTrainingWorker(options: TrainingWorkerOptions): Promise<TrainingWorker> {
  const workdir = join(options.packageRoot, 'workers', 'training');
  const python = process.env['INTRADAY_TRAINING_PYTHON'] ?? join(workdir, '.venv', 'bin', 'python');
  if (!existsSync(python)) {
    throw new AppError('TRAINING_WORKER_MISSING', `no Python venv at ${python}: run \`bash scripts/setup/python.sh\``);
  }
  const child = spawn(python, ['-m', 'intraday_training.worker'], {
    cwd: workdir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: options.address,
      TEMPORAL_NAMESPACE: options.namespace,
      INTRADAY_DATA_DIR: options.dataDir,
      INTRADAY_BLOB_KIND: options.blobKind,
      ...(options.blobContainer ? { INTRADAY_BLOB_CONTAINER: options.blobContainer } : {}),
      ...(options.taskQueue ? { TRAINING_TASK_QUEUE: options.taskQueue } : {}),
      PYTHONUNBUFFERED: '1',
      // LightGBM's OpenMP threads spin while waiting by default; beside a busy TypeScript worker on two cores that
      // spinning stalled training by minutes (measured), so they sleep instead unless the caller says otherwise.
      OMP_WAIT_POLICY: process.env['OMP_WAIT_POLICY'] ?? 'PASSIVE',
    },
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  };
  const tail: string[] = [];
  await new Promise<void>((ready, fail) => {
    let partial = '';
    const timer = setTimeout(() => {
      fail(new AppError('TRAINING_WORKER_TIMEOUT', `the training worker did not start polling: ${tail.join('\n')}`));
    }, options.readyTimeoutMs ?? 60_000);
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        options.onLog?.(line);
        if (line.includes('polling task queue')) {
          clearTimeout(timer);
          ready();
        }
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(
        new AppError('TRAINING_WORKER_FAILED', `the training worker exited (${signal ?? code}): ${tail.join('\n')}`),
      );
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { process: child, stop };
}
