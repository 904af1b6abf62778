import { describe, expect, it } from 'vitest';
import { Side } from '../trading/types.js';
import { averageTradeBars } from './averageTradeBars.js';
import { costsPaid } from './costsPaid.js';
import { profitFactor } from './profitFactor.js';
import type { TradeRecord } from './TradeRecord.js';
import { winRate } from './winRate.js';

function trade(pnl: number, bars: number, costs: number): TradeRecord {
  return {
    ticker: 'AAPL',
    side: Side.BUY,
    entryTs: 0,
    exitTs: 1,
    entryPrice: 100,
    exitPrice: 101,
    quantity: 10,
    pnl,
    costs,
    bars,
  };
}

// P&L 100, -50, 0, 200, -25; bars 3, 5, 1, 10, 6; costs 1, 2, 0.5, 1.5, 1.
const TRADES = [trade(100, 3, 1), trade(-50, 5, 2), trade(0, 1, 0.5), trade(200, 10, 1.5), trade(-25, 6, 1)];

describe('trade metrics', () => {
  it('computes win rate, profit factor, average bars and costs by hand', () => {
    const values = [winRate(TRADES), profitFactor(TRADES), averageTradeBars(TRADES), costsPaid(TRADES)];

    // Wins 100 and 200 of 5 trades (the break-even trade is no win): 0.4. Gross profit 300 / gross loss 75 = 4.
    // Bars (3 + 5 + 1 + 10 + 6) / 5 = 5. Costs 1 + 2 + 0.5 + 1.5 + 1 = 6.
    expect(values).toEqual([0.4, 4, 5, 6]);
  });

  it('is NaN with no trades, and costs are zero', () => {
    const values = [winRate([]), profitFactor([]), averageTradeBars([]), costsPaid([])];

    expect(values).toEqual([Number.NaN, Number.NaN, Number.NaN, 0]);
  });

  it('gives an infinite profit factor without losses and NaN when every trade broke even', () => {
    const values = [profitFactor([trade(10, 1, 0), trade(0, 1, 0)]), profitFactor([trade(0, 1, 0)])];

    expect(values).toEqual([Infinity, Number.NaN]);
  });

  it('rejects a trade with a NaN P&L', () => {
    const trades = [trade(1, 1, 0), trade(Number.NaN, 1, 0)];

    const act = () => winRate(trades);

    expect(act).toThrow('trades[1] must have finite pnl, costs and bars, was pnl=NaN, costs=0, bars=1');
  });
});
