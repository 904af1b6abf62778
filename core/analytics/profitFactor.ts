import { checkTrades, type TradeRecord } from './TradeRecord.js';

/**
 * Profit factor: gross profit (sum of positive trade P&L) / gross loss (minus the sum of negative P&L), after
 * costs. NaN with no trades or when every trade broke even (0/0); Infinity when there are profits and no loss.
 */
export function profitFactor(trades: readonly TradeRecord[]): number {
  checkTrades(trades);
  let profit = 0;
  let loss = 0;
  for (const { pnl } of trades) {
    if (pnl > 0) profit += pnl;
    else loss -= pnl;
  }
  if (loss === 0) return profit > 0 ? Infinity : Number.NaN;
  return profit / loss;
}
