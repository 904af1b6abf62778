/**
 * What an experiment leaves behind, as JSON: the backtest artifact the report reads, the record that later
 * experiments count trials from, and the result the workflow returns (`intraday demo --json` prints it).
 */
import type { EvaluateResult, FoldResult } from './contracts.js';

/** The JSON blob at BacktestOosResult.resultKey, which the report reads. */
export interface BacktestArtifact {
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Session closes from the first out-of-sample session on: day `YYYY-MM-DD`, equity in dollars, initial first. */
  readonly equity: readonly { readonly day: string; readonly equity: number }[];
  readonly trades: readonly {
    readonly ticker: string;
    readonly side: 'BUY' | 'SELL';
    /** ISO UTC. */
    readonly entry_ts: string;
    readonly exit_ts: string;
    readonly entry_price: number;
    readonly exit_price: number;
    readonly quantity: number;
    readonly pnl: number;
    readonly costs: number;
    readonly bars: number;
  }[];
  readonly folds: readonly FoldResult[];
  readonly initial_cash: number;
  readonly costs_model: string;
}

/** One experiment in the history: `experiments/records/<configHash>/<experimentId>.json`. */
export interface ExperimentRecord {
  readonly experiment_id: string;
  readonly name: string;
  readonly hypothesis: string;
  readonly config_hash: string;
  readonly feature_set_hash: string;
  readonly target: string;
  readonly model: string;
  readonly verdict: EvaluateResult['verdict'];
  readonly oos_sharpe: number | null;
  readonly deflated_sharpe: number | null;
  readonly trials: number;
  /** Per-period (daily) Sharpe of the out-of-sample returns, the trial-variance input of later deflated Sharpes. */
  readonly daily_sharpe: number | null;
  readonly trades: number;
  readonly report_key: string;
  readonly started_at: string;
}

/** Wall-clock seconds of each step (workflow time, so replay-safe). */
export type StepSeconds = Readonly<Record<string, number>>;

/** What the experiment workflow returns and `intraday demo --json` prints. */
export interface ExperimentResult {
  readonly experiment_id: string;
  readonly name: string;
  readonly hypothesis: string;
  readonly verdict: EvaluateResult['verdict'];
  readonly reasons: readonly string[];
  readonly oos_sharpe: number | null;
  readonly deflated_sharpe: number | null;
  readonly trials: number;
  readonly folds: number;
  readonly trades: number;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly fold_results: readonly FoldResult[];
  readonly report: string;
  readonly report_key: string;
  readonly record_key: string;
  /** The out-of-sample backtest artifact (BacktestArtifact JSON). */
  readonly backtest_key: string;
  readonly feature_set_hash: string;
  readonly config_hash: string;
  readonly steps: StepSeconds;
}
