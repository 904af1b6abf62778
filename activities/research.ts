import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { AppError } from '../core/AppError.js';
import type { ResearchActivities } from '../core/experiment/contracts.js';
import { assembleDataset } from './experiment/assembleDataset.js';
import { backtestOutOfSample } from './experiment/backtestOutOfSample.js';
import { computeFeatureShard } from './experiment/computeFeatureShard.js';
import type { ExperimentDeps } from './experiment/deps.js';
import { FAILURE_TYPE_OF_CODE } from './experiment/errors.js';
import { evaluateExperiment } from './experiment/evaluateExperiment.js';
import { ingestBars } from './experiment/ingestBars.js';
import { predictFold } from './experiment/predictFold.js';
import { prepareExperiment } from './experiment/prepareExperiment.js';
import { recordExperiment } from './experiment/recordExperiment.js';
import { writeReport } from './experiment/writeReport.js';

/** What a worker provides once; the heartbeat comes from each activity's own context. */
export type ResearchDeps = Omit<ExperimentDeps, 'heartbeat'>;

/** Seconds between heartbeats sent while a step awaits I/O (the SDK throttles them further). */
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Bad input becomes a non-retryable ApplicationFailure typed for the workflow's retry policy (BadExperimentConfig,
 * BadExperimentData); everything else stays retryable (I/O hiccups, a worker killed mid-write).
 */
function toFailure(error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const type = FAILURE_TYPE_OF_CODE[error.code];
    if (type) return ApplicationFailure.create({ type, message: error.message, nonRetryable: true });
    if (error instanceof AppError) return ApplicationFailure.create({ type: error.code, message: error.message });
  }
  return error;
}

/** Runs one step with Temporal's heartbeat, a steady heartbeat while it awaits, and error translation. */
async function run<I, O>(
  step: (deps: ExperimentDeps, input: I) => Promise<O>,
  base: ResearchDeps,
  input: I,
): Promise<O> {
  const context = Context.current();
  const heartbeat = (details?: unknown): void => context.heartbeat(details);
  const timer = setInterval(() => heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    heartbeat();
    return await step({ ...base, heartbeat }, input);
  } catch (error) {
    throw toFailure(error);
  } finally {
    clearInterval(timer);
  }
}

/** The activities of task queue `research`, bound to a worker's blob store and configuration. */
export function createResearchActivities(deps: ResearchDeps): ResearchActivities {
  return {
    prepareExperiment: (input) => run(prepareExperiment, deps, input),
    ingestBars: (input) => run(ingestBars, deps, input),
    computeFeatureShard: (input) => run(computeFeatureShard, deps, input),
    assembleDataset: (input) => run(assembleDataset, deps, input),
    predictFold: (input) => run(predictFold, deps, input),
    backtestOutOfSample: (input) => run(backtestOutOfSample, deps, input),
    evaluateExperiment: (input) => run(evaluateExperiment, deps, input),
    writeReport: (input) => run(writeReport, deps, input),
    recordExperiment: (input) => run(recordExperiment, deps, input),
  };
}
