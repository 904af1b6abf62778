import { describe, expect, it } from 'vitest';
import { Side } from '../trading/types.js';
import { tallyExposure } from './ExposureTally.js';
import { summarizeBacktest, type BacktestRecord } from './summarizeBacktest.js';
import type { TradeRecord } from './TradeRecord.js';

function trade(pnl: number, bars: number): TradeRecord {
  return {
    ticker: 'MSFT',
    side: Side.SELL,
    entryTs: 0,
    exitTs: 1,
    entryPrice: 10,
    exitPrice: 9,
    quantity: 1,
    pnl,
    costs: 1,
    bars,
  };
}

describe('summarizeBacktest', () => {
  it('fills every key the CLI prints from one record', () => {
    const record: BacktestRecord = {
      equity: [100, 110, 99, 108.9],
      trades: [trade(10, 2), trade(-11, 4), trade(9.9, 6)],
      exposure: tallyExposure([0, 50, 100, 0], [100, 100, 200, 100]),
      tradedNotional: 630,
      costs: 3,
      periodsPerYear: 3,
    };

    const summary = summarizeBacktest(record);

    // Returns 0.1, -0.1, 0.1: mean 1/30, deviations 2/30, -4/30, 2/30 -> sample var (24/900) / 2 = 4/300.
    const std = Math.sqrt(4 / 300);
    expect(summary.sharpe).toBeCloseTo((1 / 30 / std) * Math.sqrt(3), 10);
    // Downside: only -0.1 -> sqrt(0.01 / 3).
    expect(summary.sortino).toBeCloseTo((1 / 30 / Math.sqrt(0.01 / 3)) * Math.sqrt(3), 10);
    // 110 -> 99 is 10% below the peak and never recovered (108.9 < 110): sessions 3 - 1 = 2.
    expect(summary.max_drawdown).toBeCloseTo(0.1, 12);
    expect(summary.max_drawdown_sessions).toBe(2);
    // Three sessions at three per year: CAGR = 1.089 - 1 = 0.089; Calmar 0.089 / 0.1 = 0.89.
    expect(summary.total_return).toBeCloseTo(0.089, 12);
    expect(summary.annualized_return).toBeCloseTo(0.089, 12);
    expect(summary.calmar).toBeCloseTo(0.89, 12);
    // Trades: wins 2 of 3; profit 19.9 / loss 11; bars (2 + 4 + 6) / 3 = 4.
    expect(summary.win_rate).toBeCloseTo(2 / 3, 15);
    expect(summary.profit_factor).toBeCloseTo(19.9 / 11, 12);
    expect(summary.avg_trade_bars).toBe(4);
    // Exposure as in the exposure test; turnover 630 / mean(100, 110, 99, 108.9) = 630 / 104.475 / 3 sessions.
    expect(summary.exposure).toBe(0.25);
    expect(summary.time_in_market).toBe(0.5);
    expect(summary.turnover).toBeCloseTo(630 / 104.475 / 3, 12);
    expect([summary.costs, summary.trades, summary.sessions]).toEqual([3, 3, 3]);
  });

  it('gives NaN for undefined metrics of a run without trades and without sessions', () => {
    const summary = summarizeBacktest({
      equity: [1_000_000],
      trades: [],
      exposure: tallyExposure([], []),
      tradedNotional: 0,
      costs: 0,
    });

    expect(summary).toEqual({
      sharpe: Number.NaN,
      sortino: Number.NaN,
      max_drawdown: 0,
      max_drawdown_sessions: 0,
      calmar: Number.NaN,
      win_rate: Number.NaN,
      profit_factor: Number.NaN,
      avg_trade_bars: Number.NaN,
      exposure: Number.NaN,
      time_in_market: Number.NaN,
      turnover: Number.NaN,
      costs: 0,
      trades: 0,
      total_return: 0,
      annualized_return: Number.NaN,
      sessions: 0,
    });
  });

  it('rejects negative costs', () => {
    const record = { equity: [100, 101], trades: [], exposure: tallyExposure([], []), tradedNotional: 0, costs: -1 };

    const act = () => summarizeBacktest(record);

    expect(act).toThrow('costs must be finite and non-negative, was -1');
  });
});
