import type { Side } from '../trading/types.js';
import { AnalyticsErrorCode, AnalyticsInputError } from './errors.js';

/** One round trip, from the fill that opened a position to the fill that closed it. Money in dollars. */
export interface TradeRecord {
  readonly ticker: string;
  /** Side of the opening fill: BUY for a long trade, SELL for a short one. */
  readonly side: Side;
  /** Opening and closing fill times, epoch milliseconds UTC. */
  readonly entryTs: number;
  readonly exitTs: number;
  /** Average fill prices of the opening and closing legs, dollars per share. */
  readonly entryPrice: number;
  readonly exitPrice: number;
  /** Shares, positive. */
  readonly quantity: number;
  /** Realized P&L of the round trip in dollars, after costs. */
  readonly pnl: number;
  /** Commissions and slippage of both legs in dollars (already inside `pnl`). */
  readonly costs: number;
  /** Bars the position was held, counted by the backtester (exit bar index - entry bar index). */
  readonly bars: number;
}

/** Throws ANALYTICS_NON_FINITE naming the first trade whose pnl, costs or bars is not a finite number. */
export function checkTrades(trades: readonly TradeRecord[]): void {
  for (let i = 0; i < trades.length; i++) {
    const { pnl, costs, bars } = trades[i];
    if (!Number.isFinite(pnl) || !Number.isFinite(costs) || !Number.isFinite(bars)) {
      throw new AnalyticsInputError(
        AnalyticsErrorCode.ANALYTICS_NON_FINITE,
        `trades[${i}] must have finite pnl, costs and bars, was pnl=${pnl}, costs=${costs}, bars=${bars}`,
      );
    }
  }
}
