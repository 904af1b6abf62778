import { sharpeRatio, type TradeRecord } from '../../core/analytics/index.js';
import type { DailyEquity } from '../../core/backtest/runBacktest.js';
import { newYorkDayOf } from '../../core/calendar/index.js';
import type { FoldPlan, FoldResult, PredictFoldResult, TrainModelResult } from '../../core/experiment/contracts.js';

/**
 * Cuts the one out-of-sample backtest into per-fold numbers. Each fold owns the time from its `test_from` to the
 * next fold's `test_from` (the last fold: to the end), so every session and every trade belongs to exactly one
 * fold and the folds add up to the whole; with contiguous test windows (what the walk-forward plan makes) that is
 * each fold's test window. A session (its daily return) belongs to the latest fold whose test window starts on or
 * before that New York day, so a session that a window boundary splits counts for the fold starting in it. Trades
 * are assigned by their entry fill time.
 *
 * `dailyEquity` is runBacktest's series (initial cash first, then one point per session); `models[i]` is the
 * model of `folds[i]`; predictions are matched by fold number.
 */
export function foldResults(
  folds: readonly FoldPlan[],
  dailyEquity: readonly DailyEquity[],
  trades: readonly TradeRecord[],
  predictions: readonly PredictFoldResult[],
  models: readonly TrainModelResult[],
): FoldResult[] {
  const order = folds.map((fold, index) => ({ fold, index, from: Date.parse(fold.test_from) }));
  order.sort((a, b) => a.from - b.from);
  const owner = (ms: number): number => {
    let k = -1;
    while (k + 1 < order.length && order[k + 1]!.from <= ms) k++;
    return k;
  };
  const ownerOfDay = (day: number): number => {
    let k = -1;
    while (k + 1 < order.length && newYorkDayOf(order[k + 1]!.from) <= day) k++;
    return k;
  };
  const returns = order.map(() => [] as number[]);
  for (let s = 1; s < dailyEquity.length; s++) {
    const k = ownerOfDay(dailyEquity[s]!.day);
    if (k >= 0) returns[k]!.push(dailyEquity[s]!.equity / dailyEquity[s - 1]!.equity - 1);
  }
  const tradeCounts = order.map(() => 0);
  for (const trade of trades) {
    const k = owner(trade.entryTs);
    if (k >= 0) tradeCounts[k]!++;
  }
  const ics = new Map(predictions.map((prediction) => [prediction.fold, prediction.ic]));
  const results = order.map(({ fold, index }, k): FoldResult => {
    const sharpe = sharpeRatio(returns[k]!);
    return {
      fold: fold.fold,
      test_from: fold.test_from,
      test_to: fold.test_to,
      sharpe: Number.isFinite(sharpe) ? sharpe : null,
      total_return: returns[k]!.reduce((growth, r) => growth * (1 + r), 1) - 1,
      trades: tradeCounts[k]!,
      ic: ics.get(fold.fold) ?? null,
      best_iteration: models[index]?.best_iteration ?? 0,
    };
  });
  return results.sort((a, b) => a.fold - b.fold);
}
