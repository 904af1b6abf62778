import { ClientMessage } from '../protocol/messageIds.js';
import { accountHandlers } from './accountHandlers.js';
import { handleCancelHistoricalData, handleHistoricalData } from './historicalHandlers.js';
import { handleCancelMarketData, handleMarketData, handleMarketDataType } from './marketDataHandlers.js';
import type { OrderDesk } from './orderDesk.js';
import { orderHandlers } from './orderHandlers.js';
import { handleCancelRealTimeBars, handleRealTimeBars } from './realTimeBars.js';
import type { MessageHandler } from './Session.js';
import { handleContractDetails, handleCurrentTime, handleManagedAccounts, handleRequestIds } from './systemHandlers.js';

/** The handler of every client message the fake understands; others are logged and ignored, as TWS ignores them. */
export function buildHandlers(desk: OrderDesk): Map<number, MessageHandler> {
  const handlers = new Map<number, MessageHandler>([
    [ClientMessage.REQ_HISTORICAL_DATA, handleHistoricalData],
    [ClientMessage.CANCEL_HISTORICAL_DATA, handleCancelHistoricalData],
    [ClientMessage.REQ_REAL_TIME_BARS, handleRealTimeBars],
    [ClientMessage.CANCEL_REAL_TIME_BARS, handleCancelRealTimeBars],
    [ClientMessage.REQ_CURRENT_TIME, handleCurrentTime],
    [ClientMessage.REQ_IDS, handleRequestIds],
    [ClientMessage.REQ_MANAGED_ACCTS, handleManagedAccounts],
    [ClientMessage.REQ_CONTRACT_DATA, handleContractDetails],
    [ClientMessage.REQ_MKT_DATA, handleMarketData],
    [ClientMessage.CANCEL_MKT_DATA, handleCancelMarketData],
    [ClientMessage.REQ_MARKET_DATA_TYPE, handleMarketDataType],
  ]);
  for (const [id, handler] of [...orderHandlers(desk), ...accountHandlers()]) handlers.set(id, handler);
  return handlers;
}
