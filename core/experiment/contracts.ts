/**
 * The JSON contracts between the experiment workflow and its activities (TypeScript on task queue `research`,
 * Python on `training`). Plain JSON values only: no classes, Dates, bigint, Map, NaN or Infinity (a number that
 * can be undefined travels as `null`). Bulk data never crosses here: only blob keys and small summaries.
 * Keys are snake_case where Python reads them, camelCase where only TypeScript does.
 */

/** What a user starts: from `intraday experiment run`, `temporal workflow start --input`, or the Temporal UI. */
export interface ExperimentInput {
  /** An experiment config (config/experiments/*.yaml as JSON); validated by the first activity. */
  readonly config: unknown;
  /** Knobs for tests and benchmarks; production runs leave them out. */
  readonly options?: ExperimentRunOptions;
}

export interface ExperimentRunOptions {
  /**
   * How long a training task may wait for a Python worker to pick it up before the experiment fails with a clear
   * "no training worker" error (default 120 s).
   */
  readonly trainingScheduleToStartSeconds?: number;
  /** Task queue of the Python training worker (default `training`). */
  readonly trainingTaskQueue?: string;
  /**
   * Heartbeat timeout of the research activities in seconds (default 120): how long a crashed TypeScript worker
   * holds a step before Temporal retries it elsewhere. Tests shorten it; the steps heartbeat every 5 s.
   */
  readonly activityHeartbeatSeconds?: number;
  /**
   * Folds trained at the same time after the first (default 2: on two cores, two one-thread trainings overlap
   * each other's single-threaded parts). The Python worker must accept as many (TRAINING_MAX_CONCURRENT).
   */
  readonly trainingConcurrency?: number;
  /** Tickers per feature shard (default: a quarter of the tickers rounded up, at least 1, at most 16). */
  readonly shardSize?: number;
}

/** A half-open row range [start, end) of the dataset, rows sorted by (ts, ticker). */
export type RowRange = readonly [number, number];

/** The target as the Python trainer reads it (workers/training specs.TargetSpec). */
export interface TrainingTargetJson {
  readonly name: string;
  readonly type: 'classification' | 'regression';
  readonly classes: readonly string[] | null;
  readonly horizon: number;
}

/** A model entry of config/models.yaml as the Python trainer reads it (specs.ModelSpec). */
export interface ModelSpecJson {
  readonly framework: string;
  readonly task: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly num_boost_round: number;
  readonly early_stopping_rounds: number;
  readonly description?: string;
}

/** The experiment after validation: everything later steps need, resolved against the worker's config folder. */
export interface PreparedExperiment {
  readonly name: string;
  readonly hypothesis: string;
  /** The validated config (defaults filled), as JSON. */
  readonly config: Readonly<Record<string, unknown>>;
  /** sha256 of the canonical validated config, 16 hex: equal configs are one trial, however often they run. */
  readonly configHash: string;
  /** Feature names in pipeline order ("all" expanded). */
  readonly features: readonly string[];
  /** sha256 of the sorted feature names, 16 hex (search attribute feature_set_hash). */
  readonly featureSetHash: string;
  readonly target: TrainingTargetJson;
  readonly modelName: string;
  readonly model: ModelSpecJson;
  /** Permutation importance per fold model (the config's `importance` section). */
  readonly importance: { readonly permutation_rows: number; readonly permutation_repeats: number };
  /** Ticker shards for the feature fan-out, in ticker order. */
  readonly shards: readonly (readonly string[])[];
  /** Blob key of the bars (content-addressed by the data section: same data, same key). */
  readonly barsKey: string;
  /** Blob key prefix of everything derived from these bars, features and target. */
  readonly datasetPrefix: string;
}

export interface IngestInput {
  readonly prepared: PreparedExperiment;
}

export interface IngestResult {
  readonly barsKey: string;
  readonly rows: number;
  readonly tickers: readonly string[];
  readonly quarantined: number;
  /** "synthetic" or the source file, as the report labels the data. */
  readonly source: string;
  /** True when the bars were already in the store and nothing was read or generated. */
  readonly reused: boolean;
}

export interface FeatureShardInput {
  readonly prepared: PreparedExperiment;
  readonly shard: number;
}

export interface FeatureShardResult {
  /** `<datasetPrefix>/shards/<shard>.parquet` */
  readonly key: string;
  readonly rows: number;
}

export interface AssembleInput {
  readonly prepared: PreparedExperiment;
  readonly shardKeys: readonly string[];
}

/** One walk-forward fold in rows of the dataset (rows sorted by (ts, ticker)) and in time. */
export interface FoldPlan {
  readonly fold: number;
  /** Training rows; the last part of the training window (before a purge) validates for early stopping. */
  readonly train_rows: readonly RowRange[];
  readonly valid_rows: RowRange;
  /** Out-of-sample rows, predicted by the model of this fold only. */
  readonly test_rows: RowRange;
  /** ISO times (UTC) of the first and last bar start of each window, for the report. */
  readonly train_from: string;
  readonly train_to: string;
  readonly test_from: string;
  readonly test_to: string;
}

export interface AssembleResult {
  /** `<datasetPrefix>/dataset.parquet`: ticker, ts, features, target; rows sorted by (ts, ticker). */
  readonly datasetKey: string;
  readonly rows: number;
  /** Distinct bar times (the walk-forward time axis). */
  readonly steps: number;
  readonly folds: readonly FoldPlan[];
}

/** Input of the Python activity `train_model` (workers/training specs.TrainModelInput), snake_case. */
export interface TrainModelInput {
  readonly data_key: string;
  readonly features: readonly string[];
  readonly target: TrainingTargetJson;
  readonly model_name: string;
  readonly model: ModelSpecJson;
  readonly train_rows: readonly RowRange[];
  readonly valid_rows: RowRange;
  /**
   * Rows whose feature values set LightGBM's histogram bins (default: `train_rows`). The experiment sends its first
   * fold's training rows to every fold, so the worker bins the dataset once (workers/training binned.py); they end
   * before every fold's validation window, so no fold's bins see its own future.
   */
  readonly bin_rows?: readonly RowRange[];
  readonly output_prefix?: string;
  readonly early_stopping?: boolean;
  readonly permutation_rows?: number;
  readonly permutation_repeats?: number;
}

/** What the Python activity returns (specs.TrainModelResult). */
export interface TrainModelResult {
  readonly output_prefix: string;
  readonly model_key: string;
  readonly native_key: string;
  readonly card_key: string;
  readonly framework: string;
  readonly task: string;
  readonly best_iteration: number;
  readonly num_trees: number;
  readonly rows_train: number;
  readonly rows_valid: number;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly training_seconds: number;
}

export interface PredictFoldInput {
  readonly prepared: PreparedExperiment;
  readonly datasetKey: string;
  readonly fold: FoldPlan;
  readonly model: TrainModelResult;
}

export interface PredictFoldResult {
  readonly fold: number;
  /** Parquet of ticker, ts, signal, confidence for the fold's test rows. */
  readonly signalsKey: string;
  readonly rows: number;
  /** Rank IC of signal against the target's forward return where defined (null when undefined). */
  readonly ic: number | null;
}

export interface BacktestOosInput {
  readonly prepared: PreparedExperiment;
  readonly barsKey: string;
  readonly folds: readonly FoldPlan[];
  readonly predictions: readonly PredictFoldResult[];
  /** The model of each fold, in the order of `folds` (models[i] predicted folds[i]): best_iteration per fold. */
  readonly models: readonly TrainModelResult[];
}

/** Per-fold out-of-sample numbers (from the one backtest, cut at the fold's test window). */
export interface FoldResult {
  readonly fold: number;
  readonly test_from: string;
  readonly test_to: string;
  /** Annualized Sharpe of the fold's daily returns; null when undefined. */
  readonly sharpe: number | null;
  readonly total_return: number;
  readonly trades: number;
  readonly ic: number | null;
  readonly best_iteration: number;
}

export interface BacktestOosResult {
  /** JSON blob: metrics, daily equity, trades (the report reads it). */
  readonly resultKey: string;
  /** BacktestSummary keys with NaN as null. */
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly folds: readonly FoldResult[];
  /** Daily returns statistics the deflated Sharpe needs (per-period, not annualized). */
  readonly daily: {
    readonly n: number;
    readonly sharpe: number | null;
    readonly skew: number | null;
    readonly kurtosis: number | null;
  };
}

export interface EvaluateInput {
  readonly prepared: PreparedExperiment;
  readonly backtest: BacktestOosResult;
}

export interface EvaluateResult {
  readonly verdict: 'kill' | 'iterate' | 'promising';
  readonly reasons: readonly string[];
  readonly oos_sharpe: number | null;
  readonly deflated_sharpe: number | null;
  /** Distinct configs with this target in the experiment history, this one included. */
  readonly trials: number;
}

export interface ReportInput {
  readonly experimentId: string;
  readonly prepared: PreparedExperiment;
  readonly ingest: IngestResult;
  readonly dataset: AssembleResult;
  readonly models: readonly TrainModelResult[];
  readonly backtest: BacktestOosResult;
  readonly evaluation: EvaluateResult;
}

export interface ReportResult {
  readonly reportKey: string;
  /** A local file path when the blob store is a folder; otherwise null (the key is the location). */
  readonly reportPath: string | null;
}

export interface RecordInput {
  readonly experimentId: string;
  readonly prepared: PreparedExperiment;
  readonly backtest: BacktestOosResult;
  readonly evaluation: EvaluateResult;
  readonly report: ReportResult;
  /** Workflow time of the start, ISO. */
  readonly startedAt: string;
}

/** The TypeScript activities on task queue `research` (createActivities implements them). */
export interface ResearchActivities {
  prepareExperiment(input: ExperimentInput): Promise<PreparedExperiment>;
  ingestBars(input: IngestInput): Promise<IngestResult>;
  computeFeatureShard(input: FeatureShardInput): Promise<FeatureShardResult>;
  assembleDataset(input: AssembleInput): Promise<AssembleResult>;
  predictFold(input: PredictFoldInput): Promise<PredictFoldResult>;
  backtestOutOfSample(input: BacktestOosInput): Promise<BacktestOosResult>;
  evaluateExperiment(input: EvaluateInput): Promise<EvaluateResult>;
  writeReport(input: ReportInput): Promise<ReportResult>;
  recordExperiment(input: RecordInput): Promise<{ readonly recordKey: string }>;
}

/** The Python activity on task queue `training`, called by name. */
export interface TrainingActivities {
  train_model(input: TrainModelInput): Promise<TrainModelResult>;
}

/** Error types an activity throws for bad input: never retried. */
export const NON_RETRYABLE_ERRORS = ['BadExperimentConfig', 'BadTrainingInput', 'BadExperimentData'] as const;

export type { BacktestArtifact, ExperimentRecord, ExperimentResult, StepSeconds } from './results.js';
