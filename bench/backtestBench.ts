import type { AppConfig } from '../config/configFiles.js';
import { BacktestConfigSchema } from '../config/backtest.js';
import { runBacktest, simBrokerConfigFrom, type SignalColumns } from '../core/backtest/index.js';
import type { BarSet } from '../core/data/BarBatch.js';
import { medianSeconds, RUNS } from './median.js';

/**
 * One signal per bar for every bar of the set, through the engine, the risk manager and the simulated broker with
 * IBKR commission and slippage on. The signal is a short mean-reversion rule (fade the last bar's move), which
 * trades often: a heavy case for the order path.
 */
export function benchBacktest(bars: BarSet, app: AppConfig): Record<string, number> {
  const signals: Record<string, { signal: Float64Array; confidence: Float64Array }> = {};
  for (const batch of bars.batches) {
    const signal = new Float64Array(batch.length);
    const confidence = new Float64Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const move = batch.close[i]! / batch.open[i]! - 1;
      signal[i] = Math.max(-1, Math.min(1, -move * 200));
      confidence[i] = 0.5 + Math.min(0.5, Math.abs(move) * 100);
    }
    signals[batch.ticker] = { signal, confidence };
  }
  const settings = BacktestConfigSchema.parse({});
  let result: ReturnType<typeof runBacktest> | null = null;
  const seconds = medianSeconds(RUNS, () => {
    result = runBacktest({
      bars,
      signals: signals as SignalColumns,
      risk: app.risk,
      broker: simBrokerConfigFrom(settings),
      initialCash: settings.initial_cash,
    });
  });
  if (result === null) throw new Error('the backtest benchmark did not run');
  const done: ReturnType<typeof runBacktest> = result;
  return {
    'backtest.seconds': seconds,
    'backtest.bars_per_sec': Math.round(done.steps / seconds),
    'backtest.orders': done.orders,
    'backtest.executions': done.executions,
    'backtest.trades': done.trades.length,
  };
}
