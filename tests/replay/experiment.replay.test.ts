import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/sharedData.js';
import { bundleWorkflows, workflowBundle } from '../../workers/research/researchWorker.js';

const HISTORIES = join(REPO_ROOT, 'tests', 'replay', 'histories');

/** Every committed history: recorded from real dev-server runs (RECORD_HISTORIES=1 on the integration tests). */
function histories(): { workflowId: string; history: ReturnType<typeof historyFromJSON>; file: string }[] {
  return readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))),
    }));
}

/**
 * Replays recorded experiment histories against today's workflow code, with no server: a change to the workflow
 * that would break running experiments (new, removed or reordered commands) fails here.
 */
describe('experiment workflow replay', () => {
  let current: { code: string };
  let changed: { code: string };

  beforeAll(async () => {
    current = await workflowBundle();
    changed = await bundleWorkflows(join(REPO_ROOT, 'tests', 'replay', 'changedExperiment.ts'));
  }, 120_000);

  it('has the recorded histories: a completed run, a bad config and a missing training worker', () => {
    expect(histories().map((h) => h.file)).toEqual([
      'experiment-bad-config.json',
      'experiment-completed.json',
      'experiment-no-training-worker.json',
    ]);
    const completed = histories().find((h) => h.file === 'experiment-completed.json')!;
    const types = (completed.history.events ?? []).map(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name,
    );
    // The Python activity was called by name inside the recorded run.
    expect(types).toContain('train_model');
  });

  it('every recorded history replays against the current workflow code', async () => {
    for await (const result of Worker.runReplayHistories({ workflowBundle: current }, histories())) {
      expect(result.error, `${result.workflowId}: ${String(result.error)}`).toBeUndefined();
    }
  }, 120_000);

  it('a reordered workflow fails replay with a determinism violation', async () => {
    const completed = histories().find((h) => h.file === 'experiment-completed.json')!;
    const error = await Worker.runReplayHistory(
      { workflowBundle: changed },
      completed.history,
      completed.workflowId,
    ).catch((e: unknown) => e);
    expect((error as Error).name).toBe('DeterminismViolationError');
    expect((error as Error).message).toMatch(/Nondeterminism|TMPRL1100/);
  }, 120_000);
});
