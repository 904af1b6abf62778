import { checkTrades, type TradeRecord } from './TradeRecord.js';

/** Share of trades with a positive P&L after costs (a break-even trade is not a win). NaN with no trades. */
export function winRate(trades: readonly TradeRecord[]): number {
  checkTrades(trades);
  if (trades.length === 0) return Number.NaN;
  let wins = 0;
  for (const trade of trades) if (trade.pnl > 0) wins++;
  return wins / trades.length;
}
