import type { BacktestArtifact, EvaluateResult } from '../../core/experiment/contracts.js';

/** The importance numbers of one fold's model, as its model card holds them (card.json `importance`). */
export interface FoldImportance {
  readonly fold: number;
  /** Total split gain per feature (LightGBM `gain`, XGBoost `total_gain`). */
  readonly gain: Readonly<Record<string, number>>;
  /** Mean validation-loss increase when the feature is shuffled; null when the trainer did not measure it. */
  readonly permutation: Readonly<Record<string, number>> | null;
}

/**
 * Everything one experiment report shows. Plain JSON values, so a report can be rebuilt from stored artifacts;
 * the report prints nothing that is not in here (no clock), so equal data renders equal bytes.
 */
export interface ReportData {
  readonly experimentId: string;
  readonly name: string;
  readonly hypothesis: string;
  readonly configHash: string;
  readonly featureSetHash: string;
  /** Ingest's label of the bars: "synthetic" (labelled SYNTHETIC DATA in the report) or the source file. */
  readonly source: string;
  readonly tickers: readonly string[];
  /** Rows of the assembled dataset. */
  readonly rows: number;
  readonly features: readonly string[];
  readonly target: string;
  /** Model entry of config/models.yaml and its framework, e.g. `lgbm_direction (lightgbm)`. */
  readonly model: string;
  readonly evaluation: EvaluateResult;
  /** The out-of-sample backtest (its equity, trades, per-fold results and metrics). */
  readonly backtest: BacktestArtifact;
  /** One entry per fold model, in fold order. */
  readonly importance: readonly FoldImportance[];
}
