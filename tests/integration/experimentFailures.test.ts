import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { WorkflowFailedError } from '@temporalio/client';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../adapters/temporal/devServer.js';
import { EXPERIMENT_WORKFLOW_TYPE } from '../../core/experiment/searchAttributes.js';
import type { ResearchStack } from '../../workers/research/researchStack.js';
import { intraday } from '../support/runCli.js';
import { REPO_ROOT } from '../support/sharedData.js';
import { smallExperiment, startTestServer, startTestStack, tempDataDir, uniqueQueue } from '../support/temporalKit.js';

/** The deepest cause of a failure chain. */
function rootCause(error: unknown): { message: string; type?: string } {
  let current = error as { cause?: unknown; message: string; type?: string };
  while (current.cause) current = current.cause as typeof current;
  return current;
}

async function saveHistory(stack: ResearchStack, workflowId: string, name: string): Promise<void> {
  if (!process.env['RECORD_HISTORIES']) return;
  const dir = join(REPO_ROOT, 'tests', 'replay', 'histories');
  mkdirSync(dir, { recursive: true });
  const history = await stack.client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(join(dir, `${name}.json`), `${historyToJSON(history)}\n`);
}

/**
 * Failure paths on a real dev server, with the TypeScript worker only (no Python training worker on purpose: the
 * second test is about its absence).
 */
describe('experiment failures', () => {
  let server: DevServer;
  let stack: ResearchStack;
  const researchQueue = uniqueQueue('research');

  beforeAll(async () => {
    server = await startTestServer();
    const dataDir = tempDataDir('failures');
    stack = await startTestStack({
      address: server.address,
      dataDir,
      workers: true,
      researchQueue,
      trainingQueue: uniqueQueue('training-unused'),
    });
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
  });

  it('a bad config sent as JSON (as from the Temporal UI) fails fast with the key named, after one attempt', async () => {
    const workflowId = `bad-config-${process.pid}`;
    const input = smallExperiment({ walk_forward: { folds: 0 }, target: 'direction_5' });
    const started = performance.now();
    const handle = await stack.client.workflow.start(EXPERIMENT_WORKFLOW_TYPE, {
      taskQueue: researchQueue,
      workflowId,
      args: [input],
    });
    const error = await handle.result().catch((e: unknown) => e);
    const seconds = (performance.now() - started) / 1000;
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = rootCause(error);
    expect(cause.type).toBe('BadExperimentConfig');
    expect(cause.message).toMatch(/walk_forward\.folds must be/);
    // No retries burning time: one scheduled attempt of the validation step, then the workflow failed.
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.filter((event) => event.activityTaskScheduledEventAttributes);
    const started_ = events.filter((event) => event.activityTaskStartedEventAttributes);
    expect(scheduled).toHaveLength(1);
    expect(started_).toHaveLength(1);
    expect(started_[0]!.activityTaskStartedEventAttributes!.attempt).toBe(1);
    expect(seconds).toBeLessThan(30); // generous on a loaded 2-core machine; a retrying step would take minutes
    await saveHistory(stack, workflowId, 'experiment-bad-config');
  });

  it('a missing training worker surfaces as a clear timeout naming the task queue, not a hang', async () => {
    const workflowId = `no-trainer-${process.pid}`;
    const queue = uniqueQueue('nobody-polls');
    const handle = await stack.client.workflow.start(EXPERIMENT_WORKFLOW_TYPE, {
      taskQueue: researchQueue,
      workflowId,
      args: [smallExperiment({}, { trainingTaskQueue: queue, trainingScheduleToStartSeconds: 3 })],
    });
    const error = await handle.result().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    const cause = rootCause(error);
    expect(cause.type).toBe('TrainingWorkerUnavailable');
    expect(cause.message).toContain(`task queue "${queue}"`);
    expect(cause.message).toContain('within 3 s');
    await saveHistory(stack, workflowId, 'experiment-no-training-worker');
  }, 180_000);

  it('`intraday experiment run` on a bad file fails before starting anything, naming the file and the key', async () => {
    const dir = tempDataDir('badfile');
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'name: bad',
        'hypothesis: x',
        'data: { tickers: [AAPL], start: "2024-01-02", end: "2024-02-01" }',
        'features: [no_such_feature]',
        'target: direction_5',
        'model: lgbm_direction',
        '',
      ].join('\n'),
    );
    const started = performance.now();
    const result = await intraday(['experiment', 'run', file], { INTRADAY_DATA_DIR: dir, TEMPORAL_ADDRESS: '' });
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('bad.yaml');
    expect(result.err).toMatch(/features\[0\].*no_such_feature/);
    expect(result.err).not.toContain('starting the embedded Temporal');
    expect((performance.now() - started) / 1000).toBeLessThan(20);
  });

  it('`intraday worker` starts both workers against TEMPORAL_ADDRESS and stops cleanly on SIGINT', async () => {
    const dir = tempDataDir('worker-cmd');
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'intraday.js'), 'worker'], {
      cwd: REPO_ROOT,
      env: { ...process.env, TEMPORAL_ADDRESS: server.address, INTRADAY_DATA_DIR: dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`no "workers polling" line: ${log}`)), 90_000);
      child.stderr!.setEncoding('utf8').on('data', (text: string) => {
        log += text;
        if (log.includes('workers polling')) {
          clearTimeout(timer);
          ready();
        }
      });
    });
    expect(log).toContain('polling task queue "training"');
    // The default queue answers: a bad config started there fails with the validation message.
    const handle = await stack.client.workflow.start(EXPERIMENT_WORKFLOW_TYPE, {
      taskQueue: 'research',
      workflowId: `worker-cmd-${process.pid}`,
      args: [smallExperiment({ target: 'no_such_target' })],
    });
    const error = await handle.result().catch((e: unknown) => e);
    expect(rootCause(error).type).toBe('BadExperimentConfig');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 180_000);
});
