import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  defineQuery,
  proxyActivities,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
  type RetryPolicy,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  NON_RETRYABLE_ERRORS,
  type ExperimentInput,
  type ExperimentResult,
  type PredictFoldResult,
  type ResearchActivities,
  type TrainModelResult,
  type TrainingActivities,
} from '../core/experiment/contracts.js';
import {
  EXPERIMENT_SEARCH_ATTRIBUTES,
  TRAINING_TASK_QUEUE,
  type ExperimentProgress,
  type ExperimentSearchAttribute,
} from '../core/experiment/searchAttributes.js';

/** Where a running experiment is: `temporal workflow query --name progress`, and the CLI's progress lines. */
export const progressQuery = defineQuery<ExperimentProgress>('progress');

const retry: RetryPolicy = {
  maximumAttempts: 5,
  initialInterval: '1s',
  nonRetryableErrorTypes: [...NON_RETRYABLE_ERRORS],
};

function searchAttribute(name: ExperimentSearchAttribute, value: string | number): SearchAttributeUpdatePair {
  return { key: { name, type: EXPERIMENT_SEARCH_ATTRIBUTES[name] }, value } as SearchAttributeUpdatePair;
}

/**
 * A failed activity's own message, without the wrapping: a bad config reads as the config problem itself, and
 * a training task nobody picked up reads as a missing training worker rather than a bare timeout.
 */
function explain(error: unknown, trainingQueue: string, waitSeconds: number): unknown {
  if (!(error instanceof ActivityFailure)) return error;
  const cause = error.cause;
  if (cause instanceof TimeoutFailure && cause.timeoutType === 'SCHEDULE_TO_START') {
    return ApplicationFailure.nonRetryable(
      `no training worker picked up ${error.activityType} on task queue "${trainingQueue}" within ${waitSeconds} s: ` +
        'start one with `intraday worker` (or `python -m intraday_training.worker` in workers/training)',
      'TrainingWorkerUnavailable',
    );
  }
  if (cause instanceof ApplicationFailure && cause.nonRetryable) {
    return ApplicationFailure.nonRetryable(`${error.activityType}: ${cause.message}`, cause.type ?? 'Error');
  }
  return error;
}

/**
 * One hypothesis, tested end to end: validate -> bars -> features per ticker shard -> purged walk-forward (per fold:
 * train in Python, predict out of sample) -> one backtest over the out-of-sample signals -> analytics, deflated
 * Sharpe, verdict -> HTML report -> record. Every artifact is a blob; only keys and small summaries pass here.
 */
export async function experiment(input: ExperimentInput): Promise<ExperimentResult> {
  const trainingQueue = input?.options?.trainingTaskQueue ?? TRAINING_TASK_QUEUE;
  const waitSeconds = input?.options?.trainingScheduleToStartSeconds ?? 120;
  const heartbeatTimeout = `${input?.options?.activityHeartbeatSeconds ?? 120} seconds` as const;
  // Quick steps: validation, evaluation, report, record.
  const quick = proxyActivities<ResearchActivities>({ startToCloseTimeout: '10 minutes', heartbeatTimeout, retry });
  // Steps that read, compute or write whole datasets; they heartbeat, so a dead worker is noticed quickly.
  const heavy = proxyActivities<ResearchActivities>({ startToCloseTimeout: '60 minutes', heartbeatTimeout, retry });
  const trainingOptions = {
    taskQueue: trainingQueue,
    startToCloseTimeout: '120 minutes',
    heartbeatTimeout: '3 minutes',
    retry: { ...retry, maximumAttempts: 3 },
  } as const;
  // Fold 0 waits `waitSeconds` for a worker: nobody polling fails the experiment quickly and clearly. Other folds
  // may queue behind each other on a busy worker, so they get a generous bound instead.
  const firstTraining = proxyActivities<TrainingActivities>({
    ...trainingOptions,
    scheduleToStartTimeout: `${waitSeconds} seconds`,
  });
  const laterTraining = proxyActivities<TrainingActivities>({
    ...trainingOptions,
    scheduleToStartTimeout: `${Math.max(waitSeconds, 1800)} seconds`,
  });
  const concurrency = Math.max(1, Math.floor(input?.options?.trainingConcurrency ?? 2));
  const steps: Record<string, number> = {};
  let progress: ExperimentProgress = { step: 'prepare', folds: 0, folds_trained: 0, folds_predicted: 0 };
  setHandler(progressQuery, () => progress);
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now(); // workflow time: deterministic on replay
    progress = { ...progress, step };
    try {
      return await run();
    } catch (error) {
      throw explain(error, trainingQueue, waitSeconds);
    } finally {
      steps[step] = (Date.now() - started) / 1000;
    }
  };
  const startedAt = new Date(Date.now()).toISOString();
  const experimentId = workflowInfo().workflowId;

  const prepared = await timed('prepare', () => quick.prepareExperiment(input));
  upsertSearchAttributes([
    searchAttribute('experiment_name', prepared.name),
    searchAttribute('hypothesis', prepared.hypothesis),
    searchAttribute('target', prepared.target.name),
    searchAttribute('feature_set_hash', prepared.featureSetHash),
  ]);
  const ingest = await timed('ingest', () => heavy.ingestBars({ prepared }));
  const shards = await timed('features', () =>
    Promise.all(prepared.shards.map((_, shard) => heavy.computeFeatureShard({ prepared, shard }))),
  );
  const dataset = await timed('dataset', () =>
    heavy.assembleDataset({ prepared, shardKeys: shards.map((shard) => shard.key) }),
  );
  progress = { ...progress, folds: dataset.folds.length };

  // Folds train `concurrency` at a time (the Python worker gives each training the same share of the cores, so a
  // fold's model never depends on what else was running), while the TypeScript worker predicts each fold as soon
  // as its model exists.
  const models: TrainModelResult[] = new Array<TrainModelResult>(dataset.folds.length);
  const predictions: Promise<PredictFoldResult>[] = new Array<Promise<PredictFoldResult>>(dataset.folds.length);
  const trainFold = async (index: number): Promise<void> => {
    const fold = dataset.folds[index]!;
    const model = await (index === 0 ? firstTraining : laterTraining).train_model({
      data_key: dataset.datasetKey,
      features: prepared.features,
      target: prepared.target,
      model_name: prepared.modelName,
      model: prepared.model,
      train_rows: fold.train_rows,
      valid_rows: fold.valid_rows,
      // one set of bin boundaries for every fold, from the earliest training window (binned once by the worker)
      bin_rows: dataset.folds[0]!.train_rows,
      permutation_rows: prepared.importance.permutation_rows,
      permutation_repeats: prepared.importance.permutation_repeats,
    });
    models[index] = model;
    progress = { ...progress, folds_trained: progress.folds_trained + 1 };
    predictions[index] = heavy.predictFold({ prepared, datasetKey: dataset.datasetKey, fold, model }).then((result) => {
      progress = { ...progress, folds_predicted: progress.folds_predicted + 1 };
      return result;
    });
  };
  await timed('walk_forward', async () => {
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, dataset.folds.length) }, async () => {
      while (next < dataset.folds.length) await trainFold(next++);
    });
    await Promise.all(lanes);
    return Promise.all(predictions);
  });
  const predicted = await Promise.all(predictions);

  const backtest = await timed('backtest', () =>
    heavy.backtestOutOfSample({
      prepared,
      barsKey: ingest.barsKey,
      folds: dataset.folds,
      predictions: predicted,
      models,
    }),
  );
  const evaluation = await timed('evaluate', () => quick.evaluateExperiment({ prepared, backtest }));
  const finalAttributes = [searchAttribute('verdict', evaluation.verdict)];
  if (evaluation.oos_sharpe !== null) finalAttributes.push(searchAttribute('oos_sharpe', evaluation.oos_sharpe));
  if (evaluation.deflated_sharpe !== null) {
    finalAttributes.push(searchAttribute('deflated_sharpe', evaluation.deflated_sharpe));
  }
  upsertSearchAttributes(finalAttributes);
  const report = await timed('report', () =>
    quick.writeReport({ experimentId, prepared, ingest, dataset, models, backtest, evaluation }),
  );
  upsertMemo({ report: report.reportPath ?? report.reportKey, report_key: report.reportKey });
  const record = await timed('record', () =>
    quick.recordExperiment({ experimentId, prepared, backtest, evaluation, report, startedAt }),
  );
  progress = { ...progress, step: 'done' };
  return {
    experiment_id: experimentId,
    name: prepared.name,
    hypothesis: prepared.hypothesis,
    verdict: evaluation.verdict,
    reasons: evaluation.reasons,
    oos_sharpe: evaluation.oos_sharpe,
    deflated_sharpe: evaluation.deflated_sharpe,
    trials: evaluation.trials,
    folds: dataset.folds.length,
    trades: backtest.metrics['trades'] ?? 0,
    metrics: backtest.metrics,
    fold_results: backtest.folds,
    report: report.reportPath ?? report.reportKey,
    report_key: report.reportKey,
    record_key: record.recordKey,
    backtest_key: backtest.resultKey,
    feature_set_hash: prepared.featureSetHash,
    config_hash: prepared.configHash,
    steps,
  };
}
