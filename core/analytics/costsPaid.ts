import { checkTrades, type TradeRecord } from './TradeRecord.js';

/** Commissions and slippage of closed trades in dollars (0 with no trades). */
export function costsPaid(trades: readonly TradeRecord[]): number {
  checkTrades(trades);
  let costs = 0;
  for (const trade of trades) costs += trade.costs;
  return costs;
}
