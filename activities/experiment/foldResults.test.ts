import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../core/analytics/index.js';
import type { FoldPlan, TrainModelResult } from '../../core/experiment/contracts.js';
import { foldResults } from './foldResults.js';

function fold(n: number, from: string, to: string): FoldPlan {
  return {
    fold: n,
    train_rows: [[0, 1]],
    valid_rows: [1, 2],
    test_rows: [n * 10, n * 10 + 10],
    train_from: from,
    train_to: from,
    test_from: from,
    test_to: to,
  };
}

function trade(entry: string): TradeRecord {
  const entryTs = Date.parse(entry);
  return {
    ticker: 'AAA',
    side: 'BUY',
    entryTs,
    exitTs: entryTs + 600_000,
    entryPrice: 1,
    exitPrice: 1,
    quantity: 1,
    pnl: 0,
    costs: 0,
    bars: 2,
  };
}

const model = (best: number): TrainModelResult => ({
  output_prefix: 'm',
  model_key: 'm/model.onnx',
  native_key: 'm/model.txt',
  card_key: 'm/card.json',
  framework: 'lightgbm',
  task: 'classification',
  best_iteration: best,
  num_trees: best,
  rows_train: 1,
  rows_valid: 1,
  metrics: {},
  training_seconds: 0,
});

describe('foldResults', () => {
  // Fold 1 starts at 13:00 New York time on Jan 5, in the middle of that session.
  const folds = [
    fold(1, '2024-01-05T18:00:00.000Z', '2024-01-09T20:55:00.000Z'),
    fold(0, '2024-01-03T14:30:00.000Z', '2024-01-05T17:55:00.000Z'),
  ];
  const equity = [
    { day: 0, equity: 100 },
    { day: 20240103, equity: 101 },
    { day: 20240104, equity: 99 },
    { day: 20240105, equity: 102 },
    { day: 20240108, equity: 102 },
    { day: 20240109, equity: 103 },
  ];

  it('gives each session and trade to one fold, so the folds compound to the whole', () => {
    const trades = [
      trade('2024-01-03T15:00:00.000Z'),
      trade('2024-01-05T17:55:00.000Z'),
      trade('2024-01-05T18:00:00.000Z'),
      trade('2024-01-09T15:00:00.000Z'),
    ];

    const results = foldResults(
      folds,
      equity,
      trades,
      [{ fold: 1, signalsKey: 'k', rows: 10, ic: 0.1 }],
      [model(7), model(9)],
    );

    expect(
      results.map((r) => r.fold),
      'sorted by fold number',
    ).toEqual([0, 1]);
    const [first, second] = results;
    expect(first!.trades, 'entries before 18:00 on Jan 5 are fold 0').toBe(2);
    expect(second!.trades).toBe(2);
    // Jan 3 and 4 are fold 0; Jan 5 (split) belongs to fold 1, which starts that day.
    expect(first!.total_return).toBeCloseTo(99 / 100 - 1, 12);
    expect(second!.total_return).toBeCloseTo(103 / 99 - 1, 12);
    expect((1 + first!.total_return) * (1 + second!.total_return)).toBeCloseTo(1.03, 12);
    const r0 = [0.01, 99 / 101 - 1];
    const mean = (r0[0]! + r0[1]!) / 2;
    const std = Math.sqrt((r0[0]! - mean) ** 2 + (r0[1]! - mean) ** 2);
    expect(first!.sharpe).toBeCloseTo((mean / std) * Math.sqrt(252), 9);
    expect(first).toMatchObject({ ic: null, best_iteration: 9 });
    expect(second).toMatchObject({ ic: 0.1, best_iteration: 7 });
  });

  it('reports a null Sharpe for a fold with fewer than two sessions', () => {
    const results = foldResults(folds, equity.slice(0, 2), [], [], [model(1), model(2)]);

    expect(results[0]!.sharpe).toBeNull();
    expect(results[0]!.total_return).toBeCloseTo(0.01, 12);
    expect(results[1]).toMatchObject({ sharpe: null, total_return: 0, trades: 0 });
  });
});
