import type {
  ExperimentRow,
  FeatureSnapshotRow,
  FillRow,
  OrderRow,
  PredictionRow,
  RiskDecisionRow,
} from '../../core/feedback/index.js';
import type { Micros } from '../../core/money/money.js';
import { clientOrderId, executionId, strategyId } from '../../core/trading/ids.js';

/** 2024-01-02 14:30 UTC (09:30 New York): the first bar of the first session of 2024. */
export const T0 = Date.UTC(2024, 0, 2, 14, 30);
const MINUTE = 60_000;

/** Deterministic rows of every table, varied enough to exercise each column (nulls, escapes, non-ASCII, JSON). */
export const rows = {
  prediction(index: number, ts = T0 + index * MINUTE): PredictionRow {
    return {
      ts,
      runId: 'run-a',
      strategy: strategyId('momentum'),
      model: 'lgbm_direction/3',
      ticker: ['AAPL', 'MSFT', 'GOOG'][index % 3]!,
      barStart: ts - 5 * MINUTE,
      signal: ((index % 201) - 100) / 100,
      confidence: (index % 101) / 100,
      metadata: { fold: index % 5, shadow: index % 2 === 0, note: 'tab\there' },
    };
  },
  featureSnapshot(index: number): FeatureSnapshotRow {
    return {
      ts: T0 + index * MINUTE,
      runId: 'run-a',
      ticker: 'AAPL',
      barStart: T0 + index * MINUTE - 5 * MINUTE,
      features: { rsi_14: 55.25 + index, sma_20: null, ret_1: -0.0012 },
    };
  },
  riskDecision(index: number): RiskDecisionRow {
    return {
      ts: T0 + index * MINUTE,
      runId: 'run-a',
      clientOrderId: clientOrderId(`momentum-${index}`),
      strategy: strategyId('momentum'),
      ticker: 'MSFT',
      side: index % 2 === 0 ? 'BUY' : 'SELL',
      orderType: 'LIMIT',
      purpose: 'ENTRY',
      limitPrice: 412_345_678 as Micros,
      requestedQuantity: 100,
      quantity: index % 3 === 0 ? 0 : 100,
      outcome: index % 3 === 0 ? 'REJECT' : 'APPROVE',
      code: index % 3 === 0 ? 'RISK_MAX_POSITION' : 'RISK_APPROVED',
      message: 'RISK_MAX_POSITION: ticker=MSFT, limit=10%\nsecond line \\ backslash, UTF-8: ≤ 10 € é 🙂',
      context: { ticker: 'MSFT', limitPct: 10, approved: false, price: null },
    };
  },
  order(index: number): OrderRow {
    return {
      clientOrderId: clientOrderId(`momentum-${index}`),
      ts: T0 + index * MINUTE,
      runId: 'run-a',
      strategy: strategyId('momentum'),
      ticker: 'AAPL',
      side: 'BUY',
      orderType: index % 2 === 0 ? 'MARKET' : 'LIMIT',
      purpose: 'ENTRY',
      quantity: 10 + index,
      limitPrice: index % 2 === 0 ? null : (185_120_000 as Micros),
    };
  },
  fill(index: number): FillRow {
    return {
      executionId: executionId(`0000e0d5.6571d1a2.01.${String(index).padStart(8, '0')}`),
      ts: T0 + index * 1_000,
      runId: 'run-a',
      clientOrderId: clientOrderId(`momentum-${index >> 1}`),
      ticker: 'AAPL',
      side: 'BUY',
      quantity: 1 + (index % 50),
      // Above 2^31 micro-dollars ($2,147): int8 is needed for money.
      price: (9_007_199_254 + index) as Micros,
      commission: 1_000_000 as Micros,
      correctsExecutionId:
        index % 10 === 9 ? executionId(`0000e0d5.6571d1a2.01.${String(index - 1).padStart(8, '0')}`) : null,
    };
  },
  experiment(index: number): ExperimentRow {
    return {
      experimentId: `exp-${index}`,
      ts: T0 + index * MINUTE,
      hypothesis: 'Short-term reversal after opening gaps',
      verdict: index % 2 === 0 ? 'kill' : null,
      config: { tickers: ['AAPL', 'MSFT'], folds: 5, nested: { purge: '30m' } },
      metrics: { sharpe: 0.42, deflated_sharpe: 0.08, calmar: null },
      codeVersion: 'abc1234',
      dataSnapshot: 'bars/synthetic-7.parquet',
    };
  },
};

/** `count` rows made by `make`, starting at index `from`. */
export function many<T>(make: (index: number) => T, count: number, from = 0): T[] {
  return Array.from({ length: count }, (_, index) => make(from + index));
}
