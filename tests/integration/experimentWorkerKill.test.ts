import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../adapters/temporal/devServer.js';
import { startTrainingWorker, type TrainingWorker } from '../../adapters/temporal/trainingWorker.js';
import { runExperiment } from '../../cli/experiment/runExperiment.js';
import type { ExperimentResult } from '../../core/experiment/contracts.js';
import type { ExperimentProgress } from '../../core/experiment/searchAttributes.js';
import { EXPERIMENT_WORKFLOW_TYPE } from '../../core/experiment/searchAttributes.js';
import type { ResearchStack } from '../../workers/research/researchStack.js';
import { REPO_ROOT } from '../support/sharedData.js';
import { smallExperiment, startTestServer, startTestStack, tempDataDir, uniqueQueue } from '../support/temporalKit.js';

/** Starts the research worker in a child process and resolves once it polls. */
async function startWorkerProcess(address: string, dataDir: string, queue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', './tests/support/registerTs.js', 'tests/support/researchWorkerProcess.ts'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, TEMPORAL_ADDRESS: address, INTRADAY_DATA_DIR: dataDir, RESEARCH_QUEUE: queue },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  await new Promise<void>((ready, fail) => {
    lines.on('line', (line) => line === 'ready' && ready());
    child.once('exit', (code) => fail(new Error(`research worker exited early (${code})`)));
  });
  return child;
}

async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}

/**
 * The TypeScript worker is SIGKILLed in the middle of an experiment (during the walk-forward, after a fold was
 * trained); a new worker process picks the experiment up from its history and it completes with the same result
 * as an uninterrupted run of the same config on a fresh data folder. Real dev server, real Python worker.
 */
describe('killing the TypeScript worker mid-experiment', () => {
  let server: DevServer;
  let client: ResearchStack;
  const children: ChildProcess[] = [];
  const trainers: TrainingWorker[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    client = await startTestStack({
      address: server.address,
      dataDir: tempDataDir('kill-client'),
      workers: false,
      researchQueue: 'unused',
      trainingQueue: 'unused',
    });
  }, 120_000);

  afterAll(async () => {
    for (const child of children) await killHard(child);
    for (const trainer of trainers) await trainer.stop();
    await client?.stop();
    await server?.stop();
  });

  /** A data folder with its own Python training worker and task queues. */
  async function lane(label: string) {
    const dataDir = tempDataDir(label);
    const researchQueue = uniqueQueue(`research-${label}`);
    const trainingQueue = uniqueQueue(`training-${label}`);
    trainers.push(
      await startTrainingWorker({
        packageRoot: REPO_ROOT,
        address: server.address,
        namespace: 'default',
        dataDir,
        blobKind: 'local',
        taskQueue: trainingQueue,
      }),
    );
    return { dataDir, researchQueue, trainingQueue };
  }

  it('completes after a restart with the same result as an uninterrupted run', async () => {
    const reference = await lane('reference');
    const worker = await startWorkerProcess(server.address, reference.dataDir, reference.researchQueue);
    children.push(worker);
    const expected = await runExperiment(
      client.client,
      smallExperiment({}, { trainingTaskQueue: reference.trainingQueue, activityHeartbeatSeconds: 10 }),
      { taskQueue: reference.researchQueue },
    );
    await killHard(worker);

    const crashed = await lane('crashed');
    const first = await startWorkerProcess(server.address, crashed.dataDir, crashed.researchQueue);
    children.push(first);
    const workflowId = `killed-${process.pid}`;
    const handle = await client.client.workflow.start(EXPERIMENT_WORKFLOW_TYPE, {
      taskQueue: crashed.researchQueue,
      workflowId,
      args: [smallExperiment({}, { trainingTaskQueue: crashed.trainingQueue, activityHeartbeatSeconds: 10 })],
    });
    // Wait until the experiment is inside the walk-forward with at least one fold trained, then kill -9.
    let progress: ExperimentProgress | null = null;
    for (let i = 0; i < 1800; i++) {
      progress = await handle.query<ExperimentProgress>('progress').catch(() => null);
      if (progress && progress.step === 'walk_forward' && progress.folds_trained >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(progress?.step).toBe('walk_forward');
    await killHard(first);
    const restarted = await startWorkerProcess(server.address, crashed.dataDir, crashed.researchQueue);
    children.push(restarted);
    const result = (await handle.result()) as ExperimentResult;

    // The history shows the kill: a workflow task or activity of the dead worker timed out and was redone.
    const history = await handle.fetchHistory();
    const timeouts = (history.events ?? []).filter(
      (event) => event.workflowTaskTimedOutEventAttributes || event.activityTaskTimedOutEventAttributes,
    );
    const retried = (history.events ?? []).filter(
      (event) => (event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1,
    );
    expect(timeouts.length + retried.length).toBeGreaterThan(0);

    for (const key of ['verdict', 'reasons', 'oos_sharpe', 'deflated_sharpe', 'trials', 'folds', 'trades'] as const) {
      expect(result[key]).toEqual(expected[key]);
    }
    expect(result.metrics).toEqual(expected.metrics);
    expect(result.fold_results).toEqual(expected.fold_results);
    expect(result.config_hash).toBe(expected.config_hash);
    // The out-of-sample backtest artifact is byte-identical (content-addressed keys, same bytes).
    expect(result.backtest_key).toBe(expected.backtest_key);
    const bytes = (dir: string) => readFileSync(join(dir, 'blobs', result.backtest_key));
    expect(bytes(crashed.dataDir).equals(bytes(reference.dataDir))).toBe(true);
  }, 420_000);
});
