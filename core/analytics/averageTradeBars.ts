import { checkTrades, type TradeRecord } from './TradeRecord.js';

/** Mean number of bars a trade was held. NaN with no trades. */
export function averageTradeBars(trades: readonly TradeRecord[]): number {
  checkTrades(trades);
  if (trades.length === 0) return Number.NaN;
  let bars = 0;
  for (const trade of trades) bars += trade.bars;
  return bars / trades.length;
}
