import { loadBars } from '../../adapters/data/loadBars.js';
import { dailyReturns, sharpeEstimate } from '../../core/analytics/index.js';
import { runBacktest, simBrokerConfigFrom, type BacktestResult } from '../../core/backtest/index.js';
import { formatDay, newYorkDayOf, previousTradingDay } from '../../core/calendar/index.js';
import { sliceBatch, type BarSet } from '../../core/data/BarBatch.js';
import type {
  BacktestArtifact,
  BacktestOosInput,
  BacktestOosResult,
  FoldPlan,
} from '../../core/experiment/contracts.js';
import { alignFoldSignals } from './alignFoldSignals.js';
import { backtestSettingsOf } from './backtestSettingsOf.js';
import { getJson, localCopy, putJson } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentDataError } from './errors.js';
import { foldResults } from './foldResults.js';
import { canonicalJson, shortHash } from './prepareExperiment.js';

/** The content-addressed key of the backtest artifact: everything that changes a number of it is in the hash. */
export function backtestKey(deps: ExperimentDeps, input: BacktestOosInput): string {
  const hash = shortHash(
    canonicalJson({
      bars: input.barsKey,
      folds: input.folds,
      predictions: input.predictions,
      best_iterations: input.models.map((model) => model.best_iteration),
      costs: input.prepared.config['costs'] ?? null,
      risk: deps.app.risk,
    }),
  );
  return `${input.prepared.datasetPrefix}/backtests/${hash}.json`;
}

/**
 * One event-driven backtest (the live engine and the simulated broker, core/backtest) over every fold's
 * out-of-sample signals, cut into per-fold numbers afterwards (foldResults.ts). The bars run from the first
 * fold's `test_from` to the end of the session holding the last fold's `test_to`: earlier bars are not fed at all,
 * so the account, the risk state (day, week, drawdown peak) and the engine's per-ticker memory start fresh at the
 * first out-of-sample bar, as a live start would, and no flat pre-sample session dilutes the daily returns. The
 * price the first signal is sized against is always there (the bar's close reaches the engine before its signal);
 * what starts cold is volatility targeting (when enabled, a ticker trades after `lookback_bars` bars) and the
 * fat-finger size check (skipped until an order sets a typical size), exactly as at the start of any backtest.
 *
 * Idempotent: the artifact's key is content-addressed; when it exists, the result is rebuilt from it.
 */
export async function backtestOutOfSample(deps: ExperimentDeps, input: BacktestOosInput): Promise<BacktestOosResult> {
  checkInput(input);
  const resultKey = backtestKey(deps, input);
  if (await deps.store.exists(resultKey)) {
    const artifact = await getJson<BacktestArtifact>(deps, resultKey);
    return resultOf(resultKey, artifact);
  }
  const settings = backtestSettingsOf(input.prepared);
  deps.heartbeat({ step: 'loading bars' });
  const loaded = await loadBars(await localCopy(deps, input.barsKey));
  const bars = outOfSampleBars(loaded.bars, input.folds, input.barsKey);
  deps.heartbeat({ step: 'aligning signals' });
  const paths: string[] = [];
  for (const prediction of input.predictions) paths.push(await localCopy(deps, prediction.signalsKey));
  const signals = await alignFoldSignals(paths, bars);
  deps.heartbeat({ step: 'backtesting', signals: signals.matched });
  const result = runBacktest({
    bars,
    signals: signals.columns,
    risk: deps.app.risk,
    broker: simBrokerConfigFrom(settings),
    initialCash: settings.initial_cash,
    strategy: settings.strategy,
  });
  const artifact = artifactOf(input, result, settings.initial_cash);
  await putJson(deps, resultKey, artifact);
  return resultOf(resultKey, artifact);
}

function checkInput(input: BacktestOosInput): void {
  const name = `experiment ${input.prepared.name}`;
  if (input.folds.length === 0) throw new BadExperimentDataError(`${name}: no walk-forward fold to backtest`);
  if (input.models.length !== input.folds.length) {
    throw new BadExperimentDataError(
      `${name}: ${input.folds.length} folds but ${input.models.length} models (one model per fold, in fold order)`,
    );
  }
  const predicted = new Set(input.predictions.map((prediction) => prediction.fold));
  const missing = input.folds.filter((fold) => !predicted.has(fold.fold)).map((fold) => fold.fold);
  if (missing.length > 0) throw new BadExperimentDataError(`${name}: no predictions for fold(s) ${missing.join(', ')}`);
  for (const fold of input.folds) {
    if (Number.isNaN(Date.parse(fold.test_from)) || Number.isNaN(Date.parse(fold.test_to))) {
      throw new BadExperimentDataError(
        `${name}: fold ${fold.fold} has test_from "${fold.test_from}" / test_to "${fold.test_to}", expected ISO times`,
      );
    }
  }
}

/** Bars from the first test bar to the end of the New York session of the last test bar. */
function outOfSampleBars(bars: BarSet, folds: readonly FoldPlan[], key: string): BarSet {
  const first = Math.min(...folds.map((fold) => Date.parse(fold.test_from)));
  const lastDay = newYorkDayOf(Math.max(...folds.map((fold) => Date.parse(fold.test_to))));
  const batches = bars.batches
    .map((batch) => {
      let start = 0;
      while (start < batch.length && batch.ts[start]! < first) start++;
      let end = batch.length;
      while (end > start && newYorkDayOf(batch.ts[end - 1]!) > lastDay) end--;
      return sliceBatch(batch, start, end);
    })
    .filter((batch) => batch.length > 0);
  if (batches.length === 0) {
    throw new BadExperimentDataError(
      `${key}: no bar between the first test window start ${new Date(first).toISOString()} and the end of ` +
        `${formatDay(lastDay)}`,
    );
  }
  return { batches, origin: bars.origin };
}

function artifactOf(input: BacktestOosInput, result: BacktestResult, initialCash: number): BacktestArtifact {
  const sessions = result.dailyEquity.slice(1);
  // The initial cash is the close of the session before the first out-of-sample one: one label per point.
  const before = sessions.length > 0 ? formatDay(previousTradingDay(sessions[0]!.day)) : '';
  return {
    // Positions still open at the end count for the verdict (their P&L is in the equity), not in `trades`.
    metrics: {
      ...finiteOrNull(result.metrics as unknown as Record<string, number>),
      open_trades_at_end: result.openTradesAtEnd,
    },
    equity: [
      { day: before, equity: initialCash },
      ...sessions.map((point) => ({ day: formatDay(point.day), equity: point.equity })),
    ],
    trades: result.trades.map((trade) => ({
      ticker: trade.ticker,
      side: trade.side,
      entry_ts: new Date(trade.entryTs).toISOString(),
      exit_ts: new Date(trade.exitTs).toISOString(),
      entry_price: trade.entryPrice,
      exit_price: trade.exitPrice,
      quantity: trade.quantity,
      pnl: trade.pnl,
      costs: trade.costs,
      bars: trade.bars,
    })),
    folds: foldResults(input.folds, result.dailyEquity, result.trades, input.predictions, input.models),
    initial_cash: initialCash,
    costs_model: String((input.prepared.config['costs'] as { model?: unknown } | undefined)?.model ?? 'ibkr'),
  };
}

/** The activity's result from the artifact (also when it was found in the store). */
function resultOf(resultKey: string, artifact: BacktestArtifact): BacktestOosResult {
  const estimate = sharpeEstimate(dailyReturns(artifact.equity.map((point) => point.equity)));
  const orNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
  return {
    resultKey,
    metrics: artifact.metrics,
    folds: artifact.folds,
    daily: {
      n: estimate.observations,
      sharpe: orNull(estimate.sharpe),
      skew: orNull(estimate.skewness),
      kurtosis: orNull(estimate.kurtosis),
    },
  };
}

function finiteOrNull(values: Readonly<Record<string, number>>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, Number.isFinite(value) ? value : null]));
}
