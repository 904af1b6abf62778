import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';

/** Tick types the fake sends (IB's TickType numbers; delayed data uses the DELAYED_* ones). */
export const TickType = {
  BID_SIZE: 0,
  BID: 1,
  ASK: 2,
  ASK_SIZE: 3,
  LAST: 4,
  LAST_SIZE: 5,
  VOLUME: 8,
  LAST_TIMESTAMP: 45,
  HALTED: 49,
  DELAYED_BID: 66,
  DELAYED_ASK: 67,
  DELAYED_LAST: 68,
  DELAYED_VOLUME: 74,
  DELAYED_LAST_TIMESTAMP: 88,
} as const;

/** TICK_PRICE (version 6: price, size, attribute mask). The client also emits the matching size tick itself. */
export function tickPriceMessage(reqId: number, tickType: number, price: number, size: number): Field[] {
  return [GatewayMessage.TICK_PRICE, 6, reqId, tickType, price, size, 0];
}

/** TICK_SIZE (version 6). */
export function tickSizeMessage(reqId: number, tickType: number, size: number): Field[] {
  return [GatewayMessage.TICK_SIZE, 6, reqId, tickType, size];
}

/** TICK_STRING (version 6). */
export function tickStringMessage(reqId: number, tickType: number, value: string): Field[] {
  return [GatewayMessage.TICK_STRING, 6, reqId, tickType, value];
}

/** TICK_GENERIC (version 6). */
export function tickGenericMessage(reqId: number, tickType: number, value: number): Field[] {
  return [GatewayMessage.TICK_GENERIC, 6, reqId, tickType, value];
}

/**
 * TICK_REQ_PARAMS (no version field): minTick, BBO exchange, snapshot permissions. TWS writes minTick as a
 * decimal (0.01); @stoqey/ib reads it as an integer, so the client sees 0 (a known quirk of the library).
 */
export function tickRequestParamsMessage(reqId: number): Field[] {
  return [GatewayMessage.TICK_REQ_PARAMS, reqId, 0.01, 'a60001', 3];
}

/** MARKET_DATA_TYPE: 1 live, 2 frozen, 3 delayed, 4 delayed frozen. */
export function marketDataTypeMessage(reqId: number, type: number): Field[] {
  return [GatewayMessage.MARKET_DATA_TYPE, 1, reqId, type];
}

/** TICK_SNAPSHOT_END. */
export function tickSnapshotEndMessage(reqId: number): Field[] {
  return [GatewayMessage.TICK_SNAPSHOT_END, 1, reqId];
}

/** HISTORICAL_DATA_UPDATE (keepUpToDate): reqId, barCount, date, open, close, high, low, WAP, volume (in that order). */
export function historicalDataUpdateMessage(
  reqId: number,
  barCount: number,
  date: string,
  bar: { open: number; high: number; low: number; close: number; wap: number; volume: number },
): Field[] {
  return [
    GatewayMessage.HISTORICAL_DATA_UPDATE,
    reqId,
    barCount,
    date,
    bar.open,
    bar.close,
    bar.high,
    bar.low,
    bar.wap,
    bar.volume,
  ];
}
