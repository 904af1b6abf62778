import { describe, expect, it } from 'vitest';
import { summarizeTrades, type ArtifactTrade } from './summarizeTrades.js';

const trade = (ticker: string, day: number, pnl: number, side: 'BUY' | 'SELL' = 'BUY'): ArtifactTrade => ({
  ticker,
  side,
  entry_ts: `2024-01-${String(day).padStart(2, '0')}T15:00:00.000Z`,
  exit_ts: `2024-01-${String(day).padStart(2, '0')}T16:00:00.000Z`,
  entry_price: 100,
  exit_price: 101,
  quantity: 10,
  pnl,
  costs: 1,
  bars: day,
});

describe('summarizeTrades', () => {
  it('computes win rate, profit factor, bars and P&L overall and per ticker (hand-computed)', () => {
    const trades = [trade('MSFT', 3, -20, 'SELL'), trade('AAPL', 1, 30), trade('AAPL', 2, -10), trade('MSFT', 4, 50)];

    const summary = summarizeTrades(trades, 10);

    // wins 30 and 50 of 4 trades; profit 80 / loss 30; bars (1 + 2 + 3 + 4) / 4
    expect(summary.all).toEqual({
      trades: 4,
      longs: 3,
      shorts: 1,
      winRate: 0.5,
      profitFactor: 80 / 30,
      averageBars: 2.5,
      pnl: 50,
      costs: 4,
    });
    expect(summary.byTicker.map((row) => [row.ticker, row.trades, row.pnl, row.profitFactor])).toEqual([
      ['AAPL', 2, 20, 3],
      ['MSFT', 2, 30, 2.5],
    ]);
    expect(
      summary.first.map((row) => row.bars),
      'all trades, in entry order',
    ).toEqual([1, 2, 3, 4]);
    expect(summary.last).toEqual([]);
  });

  it('lists the first and last `edge` trades when there are more than twice as many', () => {
    const trades = Array.from({ length: 7 }, (_, i) => trade('AAPL', 7 - i, i));

    const summary = summarizeTrades(trades, 3);

    expect(summary.first.map((row) => row.bars)).toEqual([1, 2, 3]);
    expect(summary.last.map((row) => row.bars)).toEqual([5, 6, 7]);
  });

  it('gives undefined statistics (NaN), not zeros, when there are no trades', () => {
    const summary = summarizeTrades([], 10);

    expect(summary.all.trades).toBe(0);
    expect(summary.all.winRate).toBeNaN();
    expect(summary.all.profitFactor).toBeNaN();
  });
});
