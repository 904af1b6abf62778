import { WorkflowFailedError, type Client } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import type { ExperimentInput, ExperimentResult } from '../../core/experiment/contracts.js';
import {
  EXPERIMENT_WORKFLOW_TYPE,
  RESEARCH_TASK_QUEUE,
  type ExperimentProgress,
} from '../../core/experiment/searchAttributes.js';
import { AppError } from '../../core/AppError.js';

/** A readable, unique workflow id: experiment-<name>-<UTC yyyymmddhhmmss>-<4 hex>. */
export function newExperimentId(name: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:TZ]/g, '')
    .slice(0, 14);
  return `experiment-${name}-${stamp}-${randomBytes(2).toString('hex')}`;
}

function describeProgress(progress: ExperimentProgress): string {
  if (progress.step !== 'walk_forward' || progress.folds === 0) return progress.step;
  return `walk_forward: trained ${progress.folds_trained}/${progress.folds} folds, predicted ${progress.folds_predicted}/${progress.folds}`;
}

/** The deepest message of a failure chain: the activity's own words, not the wrappers'. */
function rootMessage(error: unknown): string {
  let current: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  while (current instanceof Error && current.cause) {
    current = current.cause;
    if (current instanceof Error && current.message) message = current.message;
  }
  return message;
}

export interface RunOptions {
  readonly workflowId?: string;
  readonly taskQueue?: string;
  /** Progress lines (step changes, fold counts), with seconds since the start. */
  readonly onProgress?: (line: string) => void;
}

/** Starts the experiment workflow, reports its progress from the `progress` query, and returns its result. */
export async function runExperiment(
  client: Client,
  input: ExperimentInput,
  options: RunOptions = {},
): Promise<ExperimentResult> {
  const name = (input.config as { name?: unknown }).name;
  const workflowId = options.workflowId ?? newExperimentId(typeof name === 'string' ? name : 'unnamed');
  const handle = await client.workflow.start(EXPERIMENT_WORKFLOW_TYPE, {
    taskQueue: options.taskQueue ?? RESEARCH_TASK_QUEUE,
    workflowId,
    args: [input],
  });
  const started = performance.now();
  options.onProgress?.(`started ${workflowId}`);
  let last = '';
  let finished = false;
  // One query at a time, and none in flight once the result is in: the caller may close the connection next.
  const poller = (async () => {
    while (!finished) {
      const progress = await handle.query<ExperimentProgress>('progress').catch(() => null); // a worker may be restarting
      if (progress) {
        const text = describeProgress(progress);
        if (text !== last && progress.step !== 'done') {
          last = text;
          options.onProgress?.(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${text}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  try {
    return (await handle.result()) as ExperimentResult;
  } catch (error) {
    if (error instanceof WorkflowFailedError) {
      throw new AppError('EXPERIMENT_FAILED', `experiment ${workflowId} failed: ${rootMessage(error)}`);
    }
    throw error;
  } finally {
    finished = true;
    await poller;
  }
}
