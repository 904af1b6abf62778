// Shared by the backtest tests: a tiny random-walk market and helpers to build signal columns.
import { RiskConfigSchema, type RiskConfig } from '../../config/risk.js';
import { sessionsBetween } from '../calendar/index.js';
import { allocateBatch, type BarBatch, type BarSet } from '../data/BarBatch.js';
import { createRandom } from '../random/index.js';
import type { SignalColumns } from './runBacktest.js';

/** Risk settings that keep the rules under test simple: no pre-close window, sizing capped at 4% of equity. */
export function plainRisk(overrides: Record<string, unknown> = {}): RiskConfig {
  return RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.05, max_size_pct: 0.04, min_order_value: 0, rebalance_band_pct: 0 },
    limits: {
      no_new_entries_before_close_min: 0,
      flatten_before_close_min: 0,
      max_order_size_multiple: 1000,
      max_orders_per_minute: 1000,
      daily_loss_limit_pct: 1,
      weekly_loss_limit_pct: 1,
      max_drawdown_pct: 1,
      ...overrides,
    },
  });
}

/** A seeded random walk of 5-minute regular-session bars for one ticker, prices in cents. */
export function randomWalk(ticker: string, seed: number, startDay: number, endDay: number): BarBatch {
  const sessions = sessionsBetween(startDay, endDay);
  const bars = sessions.reduce((sum, session) => sum + (session.closeMs - session.openMs) / 300_000, 0);
  const batch = allocateBatch(ticker, 300_000, bars);
  const random = createRandom(seed, 'walk');
  let price = 100;
  let i = 0;
  for (const session of sessions) {
    for (let ts = session.openMs; ts < session.closeMs; ts += 300_000) {
      const open = price;
      const close = Math.max(1, Math.round(open * (1 + 0.002 * random.nextNormal()) * 100) / 100);
      batch.ts[i] = ts;
      batch.open[i] = open;
      batch.close[i] = close;
      batch.high[i] = Math.max(open, close);
      batch.low[i] = Math.min(open, close);
      batch.volume[i] = 1_000_000;
      price = close;
      i++;
    }
  }
  return batch;
}

/** A bar set labelled as test data. */
export function barSetOf(batches: readonly BarBatch[]): BarSet {
  return { batches, origin: { kind: 'test', detail: 'backtest test bars' } };
}

/** Signal columns from a rule evaluated on each bar (NaN = no signal), confidence 1. */
export function signalsFrom(bars: BarSet, rule: (batch: BarBatch, i: number) => number): SignalColumns {
  const columns: Record<string, { signal: Float64Array; confidence: Float64Array }> = {};
  for (const batch of bars.batches) {
    const signal = new Float64Array(batch.length);
    for (let i = 0; i < batch.length; i++) signal[i] = rule(batch, i);
    columns[batch.ticker] = { signal, confidence: new Float64Array(batch.length).fill(1) };
  }
  return columns;
}
