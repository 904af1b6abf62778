import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';
import type { PositionRecord } from '../state/GatewayState.js';

/** POSITION (version 3). */
export function positionMessage(position: PositionRecord): Field[] {
  const { contract } = position;
  return [
    GatewayMessage.POSITION,
    3,
    position.account,
    contract.conId,
    contract.symbol,
    'STK',
    '', // lastTradeDateOrContractMonth
    0, // strike
    '', // right
    '', // multiplier
    contract.primaryExchange,
    contract.currency,
    contract.symbol, // localSymbol
    'NMS', // tradingClass
    position.quantity,
    position.avgCost,
  ];
}

/** POSITION_END. */
export function positionEndMessage(): Field[] {
  return [GatewayMessage.POSITION_END, 1];
}

/** ACCOUNT_SUMMARY. */
export function accountSummaryMessage(
  reqId: number,
  account: string,
  tag: string,
  value: string,
  currency: string,
): Field[] {
  return [GatewayMessage.ACCOUNT_SUMMARY, 1, reqId, account, tag, value, currency];
}

/** ACCOUNT_SUMMARY_END. */
export function accountSummaryEndMessage(reqId: number): Field[] {
  return [GatewayMessage.ACCOUNT_SUMMARY_END, 1, reqId];
}

/** ACCT_VALUE (version 2). */
export function accountValueMessage(key: string, value: string, currency: string, account: string): Field[] {
  return [GatewayMessage.ACCT_VALUE, 2, key, value, currency, account];
}

/** PORTFOLIO_VALUE (version 8). */
export function portfolioValueMessage(position: PositionRecord, marketPrice: number, realizedPnl: number): Field[] {
  const { contract } = position;
  const marketValue = position.quantity * marketPrice;
  return [
    GatewayMessage.PORTFOLIO_VALUE,
    8,
    contract.conId,
    contract.symbol,
    'STK',
    '', // lastTradeDateOrContractMonth
    0, // strike
    '', // right
    '', // multiplier
    contract.primaryExchange,
    contract.currency,
    contract.symbol, // localSymbol
    'NMS', // tradingClass
    position.quantity,
    marketPrice,
    marketValue,
    position.avgCost,
    marketValue - position.quantity * position.avgCost,
    realizedPnl,
    position.account,
  ];
}

/** ACCT_UPDATE_TIME (`HH:mm`). */
export function accountUpdateTimeMessage(hhmm: string): Field[] {
  return [GatewayMessage.ACCT_UPDATE_TIME, 1, hhmm];
}

/** ACCT_DOWNLOAD_END. */
export function accountDownloadEndMessage(account: string): Field[] {
  return [GatewayMessage.ACCT_DOWNLOAD_END, 1, account];
}
