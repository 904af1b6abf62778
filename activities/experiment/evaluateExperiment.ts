import { VerdictSchema } from '../../config/experiment.js';
import { deflatedSharpe, type SharpeEstimate } from '../../core/analytics/index.js';
import type { EvaluateInput, EvaluateResult, ExperimentRecord } from '../../core/experiment/contracts.js';
import { decideVerdict } from '../../core/verdict/index.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError } from './errors.js';
import { listExperimentRecords } from './recordExperiment.js';

/** How many trials the history holds for a target, and the spread of their Sharpe ratios. */
export interface TrialCount {
  /** Distinct configs with this target, this one included: re-running a config is not a new trial. */
  readonly trials: number;
  /** Sample variance (n - 1) of the per-period Sharpe of each distinct config; 0 below two known values. */
  readonly variance: number;
}

/**
 * Trials and the variance of trial Sharpes for the deflated Sharpe (Bailey and Lopez de Prado 2014). Each distinct
 * config counts once, with the per-period Sharpe of its latest record (records sorted oldest first); this run's
 * config counts with this run's own Sharpe. Configs whose Sharpe is unknown count as trials but cannot give a
 * spread.
 */
export function countTrials(
  history: readonly ExperimentRecord[],
  target: string,
  configHash: string,
  dailySharpe: number | null,
): TrialCount {
  const latest = new Map<string, number | null>();
  for (const record of history) if (record.target === target) latest.set(record.config_hash, record.daily_sharpe);
  latest.set(configHash, dailySharpe);
  const known = [...latest.values()].filter((value): value is number => value !== null && Number.isFinite(value));
  let variance = 0;
  if (known.length >= 2) {
    const mean = known.reduce((sum, value) => sum + value, 0) / known.length;
    variance = known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (known.length - 1);
  }
  return { trials: latest.size, variance };
}

/**
 * The verdict of an experiment: the deflated Sharpe of its out-of-sample daily returns with the trial count and
 * trial-Sharpe variance taken from the experiment history (`experiments/records/`), then core/verdict's
 * kill / iterate / promising with the experiment's thresholds. Reads only; nothing is written.
 */
export async function evaluateExperiment(deps: ExperimentDeps, input: EvaluateInput): Promise<EvaluateResult> {
  const { prepared, backtest } = input;
  const thresholds = VerdictSchema.safeParse(prepared.config['verdict'] ?? {});
  if (!thresholds.success) {
    throw new BadExperimentConfigError(
      `experiment ${prepared.name}: verdict ${JSON.stringify(prepared.config['verdict'])} is not a valid verdict section`,
    );
  }
  deps.heartbeat({ step: 'reading the experiment history' });
  const history = await listExperimentRecords(deps.store);
  const { trials, variance } = countTrials(history, prepared.target.name, prepared.configHash, backtest.daily.sharpe);
  const daily = backtest.daily;
  let deflated: number | null = null;
  if (daily.sharpe !== null && daily.skew !== null && daily.kurtosis !== null && daily.n >= 2) {
    const estimate: SharpeEstimate = {
      sharpe: daily.sharpe,
      observations: daily.n,
      skewness: daily.skew,
      kurtosis: daily.kurtosis,
    };
    const value = deflatedSharpe(estimate, trials, variance);
    deflated = Number.isFinite(value) ? value : null;
  }
  const oosSharpe = backtest.metrics['sharpe'] ?? null;
  const trades = backtest.metrics['trades'] ?? 0;
  const decision = decideVerdict(
    {
      oosSharpe: oosSharpe ?? Number.NaN,
      deflatedSharpe: deflated ?? Number.NaN,
      foldSharpes: backtest.folds.map((fold) => fold.sharpe ?? Number.NaN),
      trades,
      openTrades: backtest.metrics['open_trades_at_end'] ?? 0,
    },
    thresholds.data,
  );
  return {
    verdict: decision.verdict,
    reasons: decision.reasons,
    oos_sharpe: oosSharpe !== null && Number.isFinite(oosSharpe) ? oosSharpe : null,
    deflated_sharpe: deflated,
    trials,
  };
}
