import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';
import { UNSET_DOUBLE_TEXT } from '../protocol/fields.js';
import type { ExecutionRecord } from '../state/GatewayState.js';

/** How the fake writes an execution time (TWS 10.x style). */
export type TimeFormatter = (utcMs: number) => string;

/**
 * EXECUTION_DATA at sv >= 136 (no version field; sv >= 178 adds pendingPriceRevision). reqId is -1 for live fills
 * and the request's id for a reqExecutions replay. The execution exchange is the venue (ISLAND), not SMART.
 */
export function executionMessage(reqId: number, execution: ExecutionRecord, formatTime: TimeFormatter): Field[] {
  const { contract } = execution;
  return [
    GatewayMessage.EXECUTION_DATA,
    reqId,
    execution.orderId,
    contract.conId,
    contract.symbol,
    'STK',
    '', // lastTradeDateOrContractMonth
    0, // strike
    '', // right
    '', // multiplier
    'ISLAND',
    contract.currency,
    contract.symbol, // localSymbol
    'NMS', // tradingClass
    execution.execId,
    formatTime(execution.timeMs),
    execution.account,
    'ISLAND',
    execution.side,
    execution.shares,
    execution.price,
    execution.permId,
    execution.clientId,
    0, // liquidation
    execution.cumQty,
    execution.avgPrice,
    execution.orderRef,
    '', // evRule
    '', // evMultiplier
    '', // modelCode
    1, // lastLiquidity: added liquidity
    0, // pendingPriceRevision
  ];
}

/** EXECUTION_DATA_END. */
export function executionEndMessage(reqId: number): Field[] {
  return [GatewayMessage.EXECUTION_DATA_END, 1, reqId];
}

/** COMMISSION_REPORT; an undefined realized P&L is sent as IB's unset double, as TWS does for opening fills. */
export function commissionReportMessage(execId: string, commission: number, realizedPnl: number | undefined): Field[] {
  return [
    GatewayMessage.COMMISSION_REPORT,
    1,
    execId,
    commission,
    'USD',
    realizedPnl === undefined ? UNSET_DOUBLE_TEXT : realizedPnl,
    UNSET_DOUBLE_TEXT, // yield
    '', // yieldRedemptionDate
  ];
}
