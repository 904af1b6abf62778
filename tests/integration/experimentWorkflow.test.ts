import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevServer } from '../../adapters/temporal/devServer.js';
import { resolveTemporalCli } from '../../adapters/temporal/temporalCli.js';
import { listExperiments } from '../../cli/experiment/listExperiments.js';
import { runExperiment } from '../../cli/experiment/runExperiment.js';
import type { ExperimentRecord, ExperimentResult } from '../../core/experiment/contracts.js';
import type { ResearchStack } from '../../workers/research/researchStack.js';
import { REPO_ROOT } from '../support/sharedData.js';
import { smallExperiment, startTestServer, startTestStack, tempDataDir, uniqueQueue } from '../support/temporalKit.js';

const execFileAsync = promisify(execFile);

/** The part of a model card this test reads (workers/training README, "card.json"). */
interface CardData {
  readonly data: {
    readonly train_rows: readonly (readonly [number, number])[];
    readonly valid_rows: readonly [number, number];
    readonly bin_rows: readonly (readonly [number, number])[] | null;
  };
}

/**
 * A small experiment end to end on a REAL Temporal dev server with the REAL Python training worker (LightGBM,
 * ONNX export) called by name from the TypeScript workflow; the TypeScript worker runs in this process.
 * RECORD_HISTORIES=1 writes the run's history to tests/replay/histories/ (how the replay fixtures were made).
 */
describe('experiment workflow on a real dev server', () => {
  let server: DevServer;
  let stack: ResearchStack;
  let dataDir: string;
  const researchQueue = uniqueQueue('research');
  const trainingQueue = uniqueQueue('training');
  let result: ExperimentResult;
  let workflowId: string;

  beforeAll(async () => {
    server = await startTestServer();
    dataDir = tempDataDir('experiment');
    stack = await startTestStack({ address: server.address, dataDir, workers: true, researchQueue, trainingQueue });
    workflowId = `experiment-it-${process.pid}`;
    result = await runExperiment(stack.client, smallExperiment({}, { trainingTaskQueue: trainingQueue }), {
      workflowId,
      taskQueue: researchQueue,
    });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
  });

  it('returns a verdict with its reasons, and per-fold results for each of the 3 folds', () => {
    expect(['kill', 'iterate', 'promising']).toContain(result.verdict);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.folds).toBe(3);
    expect(result.fold_results.map((fold) => fold.fold)).toEqual([0, 1, 2]);
    expect(result.trials).toBe(1);
    // Each fold's test window starts after the previous one ends: out-of-sample windows never overlap.
    for (let k = 1; k < result.fold_results.length; k++) {
      expect(result.fold_results[k]!.test_from > result.fold_results[k - 1]!.test_to).toBe(true);
    }
    expect(Object.keys(result.steps)).toEqual(
      expect.arrayContaining(['prepare', 'ingest', 'features', 'dataset', 'walk_forward', 'backtest', 'report']),
    );
  });

  it('trained every fold in Python: the ONNX models and cards are in the blob store', () => {
    const blobs = join(dataDir, 'blobs');
    const history = readFileSync(join(blobs, result.record_key), 'utf8');
    const record = JSON.parse(history) as ExperimentRecord;
    expect(record.experiment_id).toBe(workflowId);
    expect(record.verdict).toBe(result.verdict);
    expect(record.config_hash).toBe(result.config_hash);
    expect(existsSync(join(blobs, 'training'))).toBe(true);
  });

  it("bins every fold's rows against the first fold's training rows (one binned copy in the worker)", () => {
    const training = join(dataDir, 'blobs', 'training');
    const cards = readdirSync(training, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('card.json'))
      .map((path) => JSON.parse(readFileSync(join(training, path), 'utf8')) as CardData)
      .sort((a, b) => a.data.valid_rows[0] - b.data.valid_rows[0]);
    expect(cards).toHaveLength(3);
    const first = cards[0]!.data.train_rows;
    for (const card of cards) {
      expect(card.data.bin_rows).toEqual(first);
      // the bin rows end before this fold's validation window: no fold's bins see its own future
      expect(first[first.length - 1]![1]).toBeLessThanOrEqual(card.data.valid_rows[0]);
    }
  });

  it('writes a self-contained HTML report at the path it returns', () => {
    expect(existsSync(result.report)).toBe(true);
    const html = readFileSync(result.report, 'utf8');
    expect(html).toContain(result.verdict.toUpperCase());
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
  });

  it('sets the search attributes and the memo, and `experiment list` reads them back from visibility', async () => {
    const handle = stack.client.workflow.getHandle(workflowId);
    const description = await handle.describe();
    expect(description.memo?.['report']).toBe(result.report);
    const rows = await listExperiments(stack.client, `WorkflowId = "${workflowId}"`);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.status).toBe('COMPLETED');
    expect(row.verdict).toBe(result.verdict);
    expect(row.target).toBe('direction_5');
    expect(row.feature_set_hash).toBe(result.feature_set_hash);
    expect(row.name).toBe('small_sma_rsi');
    if (result.oos_sharpe !== null) expect(row.oos_sharpe).toBeCloseTo(result.oos_sharpe, 10);
    // Filtering by a search attribute works the way the Temporal UI filters.
    const filtered = await listExperiments(stack.client, `verdict = "${result.verdict}" AND target = "direction_5"`);
    expect(filtered.map((r) => r.workflow_id)).toContain(workflowId);
    const none = await listExperiments(stack.client, `target = "no_such_target"`);
    expect(none).toHaveLength(0);
    if (process.env['RECORD_HISTORIES']) {
      const dir = join(REPO_ROOT, 'tests', 'replay', 'histories');
      mkdirSync(dir, { recursive: true });
      const history = await handle.fetchHistory();
      writeFileSync(join(dir, 'experiment-completed.json'), `${historyToJSON(history)}\n`);
    }
  });

  it('a second run of the same config reuses the bars and counts as the same trial', async () => {
    const again = await runExperiment(stack.client, smallExperiment({}, { trainingTaskQueue: trainingQueue }), {
      taskQueue: researchQueue,
    });
    expect(again.trials).toBe(1);
    expect(again.verdict).toBe(result.verdict);
    expect(again.oos_sharpe).toBe(result.oos_sharpe);
    expect(again.metrics).toEqual(result.metrics);
  }, 300_000);

  it('takes the same JSON input from `temporal workflow start` as from the CLI', async () => {
    const input = smallExperiment({}, { trainingTaskQueue: trainingQueue });
    const id = `from-temporal-cli-${process.pid}`;
    await execFileAsync(resolveTemporalCli(), [
      'workflow',
      'start',
      '--address',
      server.address,
      '--type',
      'experiment',
      '--task-queue',
      researchQueue,
      '--workflow-id',
      id,
      '--input',
      JSON.stringify(input),
    ]);
    const fromCli = (await stack.client.workflow.getHandle(id).result()) as ExperimentResult;
    expect(fromCli.experiment_id).toBe(id);
    expect(fromCli.config_hash).toBe(result.config_hash);
    expect(fromCli.metrics).toEqual(result.metrics);
  }, 300_000);
});
