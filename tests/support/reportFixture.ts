import type { ReportData } from '../../adapters/report/ReportData.js';
import type { BacktestArtifact, FoldResult } from '../../core/experiment/contracts.js';
import { maxDrawdown, totalReturn } from '../../core/analytics/index.js';
import { createRandom } from '../../core/random/index.js';

/** Features of the fixture in config order, and the order their averaged gain share must sort them into. */
export const FIXTURE_FEATURES = ['sma_5', 'sma_20', 'rsi_14', 'volume_ratio', 'atr_14', 'minute_of_day'] as const;
export const FIXTURE_IMPORTANCE_ORDER = ['sma_20', 'rsi_14', 'volume_ratio', 'atr_14', 'sma_5', 'minute_of_day'];
// Relative gain per feature (same order as FIXTURE_FEATURES); each fold scales and perturbs these a little.
const GAIN_WEIGHTS = [6, 40, 25, 15, 10, 4];

const SESSIONS = 300;
const TICKERS = ['AAPL', 'GOOG', 'MSFT'];
const FOLDS = 3;

/** Weekdays from 2024-01-02 on, `YYYY-MM-DD` (holidays do not matter to a report). */
function weekdays(count: number): string[] {
  const days: string[] = [];
  for (let ms = Date.UTC(2024, 0, 2); days.length < count; ms += 86_400_000) {
    const weekday = new Date(ms).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * A realistic report input: 300 sessions of equity (a seeded random walk with a drawdown), 3 folds, 6 features with
 * gain and permutation importance per fold model, and 60 trades over 3 tickers. Deterministic for a given seed.
 */
export function reportFixture(overrides: Partial<ReportData> = {}, seed = 7): ReportData {
  const random = createRandom(seed, 'report-fixture');
  const days = weekdays(SESSIONS);
  const initial = 100_000;
  let value = initial;
  const equity = days.map((day, i) => {
    // A slump in the middle session range gives the drawdown chart something to show.
    if (i > 0) value *= 1 + (i > 120 && i < 160 ? -0.004 : 0.0006) + 0.006 * random.nextNormal();
    return { day, equity: Math.round(value * 100) / 100 };
  });
  const perFold = SESSIONS / FOLDS;
  const folds: FoldResult[] = Array.from({ length: FOLDS }, (_, f) => ({
    fold: f,
    test_from: `${days[f * perFold]}T14:30:00.000Z`,
    test_to: `${days[(f + 1) * perFold - 1]}T20:55:00.000Z`,
    sharpe: f === 1 ? -0.8 : 1.1 + f * 0.2,
    total_return: equity[(f + 1) * perFold - 1].equity / equity[f * perFold].equity - 1,
    trades: 20,
    ic: f === 2 ? null : 0.012 * (f + 1),
    best_iteration: 40 + 13 * f,
  }));
  const trades: BacktestArtifact['trades'] = Array.from({ length: 60 }, (_, i) => {
    const day = days[i * 5];
    const entryPrice = 100 + 20 * random.nextFloat();
    const move = 0.01 * random.nextNormal();
    const side = i % 3 === 0 ? 'SELL' : 'BUY';
    const quantity = 50 + (i % 7) * 10;
    const costs = 1 + Math.round(quantity * 0.005 * 100) / 100;
    const exitPrice = Math.round(entryPrice * (1 + move) * 100) / 100;
    const gross = (side === 'BUY' ? 1 : -1) * (exitPrice - entryPrice) * quantity;
    return {
      ticker: TICKERS[i % 3],
      side,
      entry_ts: `${day}T15:05:00.000Z`,
      exit_ts: `${day}T15:35:00.000Z`,
      entry_price: Math.round(entryPrice * 100) / 100,
      exit_price: exitPrice,
      quantity,
      pnl: Math.round((gross - costs) * 100) / 100,
      costs,
      bars: 6,
    };
  });
  const importance = folds.map(({ fold }) => {
    const scale = [120, 37, 64][fold];
    const gain: Record<string, number> = {};
    const permutation: Record<string, number> = {};
    FIXTURE_FEATURES.forEach((name, j) => {
      gain[name] = GAIN_WEIGHTS[j] * scale * (1 + 0.05 * (random.nextFloat() - 0.5));
      permutation[name] = GAIN_WEIGHTS[j] * 1e-4 * (1 + 0.2 * (random.nextFloat() - 0.5)) - 8e-4;
    });
    return { fold, gain, permutation };
  });
  const values = equity.map((point) => point.equity);
  const metrics = {
    sharpe: 0.61,
    sortino: 0.9,
    total_return: totalReturn(values),
    max_drawdown: maxDrawdown(values).depth,
    costs: trades.reduce((sum, trade) => sum + trade.costs, 0),
    trades: trades.length,
    win_rate: trades.filter((trade) => trade.pnl > 0).length / trades.length,
  };
  return {
    experimentId: 'experiment-fixture-0001',
    name: 'demo_sma_rsi',
    hypothesis: 'Short-term trend with RSI predicts the 5-bar direction',
    configHash: '0123456789abcdef',
    featureSetHash: 'fedcba9876543210',
    source: 'synthetic',
    tickers: TICKERS,
    rows: 58_644,
    features: [...FIXTURE_FEATURES],
    target: 'direction_5',
    model: 'lgbm_direction (lightgbm)',
    evaluation: {
      verdict: 'iterate',
      reasons: [
        'out-of-sample Sharpe 0.61 is above the kill threshold of 0.00 but below the promising threshold of 1.00',
        'deflated Sharpe 0.42 is below 0.95 after 3 trials',
        'fold Sharpe ratios disagree in sign (1 of 3 folds negative)',
      ],
      oos_sharpe: 0.61,
      deflated_sharpe: 0.42,
      trials: 3,
    },
    backtest: { metrics, equity, trades, folds, initial_cash: initial, costs_model: 'ibkr_fixed + 1 bps slippage' },
    importance,
    ...overrides,
  };
}
