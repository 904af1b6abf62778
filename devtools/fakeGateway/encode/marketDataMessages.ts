import { GatewayMessage } from '../protocol/messageIds.js';
import type { Field } from '../protocol/fields.js';

/** One bar of a HISTORICAL_DATA message, its date already written the way the request's formatDate asks. */
export interface HistoricalBarFields {
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly wap: number;
  readonly count: number;
}

/**
 * HISTORICAL_DATA at sv 193 (no version field, no hasGaps; the start and end strings are still in this message,
 * HISTORICAL_DATA_END only exists from sv 196): reqId, start, end, count, then date|o|h|l|c|volume|WAP|barCount.
 */
export function historicalDataMessage(
  reqId: number,
  start: string,
  end: string,
  bars: readonly HistoricalBarFields[],
): Field[] {
  const fields: Field[] = [GatewayMessage.HISTORICAL_DATA, reqId, start, end, bars.length];
  for (const bar of bars) {
    fields.push(bar.date, bar.open, bar.high, bar.low, bar.close, bar.volume, bar.wap, bar.count);
  }
  return fields;
}

/** One 5-second bar of a REAL_TIME_BARS message; `time` is the bar start in epoch seconds. */
export interface RealTimeBarFields {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly wap: number;
  readonly count: number;
}

/** REAL_TIME_BARS (version 3). */
export function realTimeBarMessage(reqId: number, bar: RealTimeBarFields): Field[] {
  return [
    GatewayMessage.REAL_TIME_BARS,
    3,
    reqId,
    bar.time,
    bar.open,
    bar.high,
    bar.low,
    bar.close,
    bar.volume,
    bar.wap,
    bar.count,
  ];
}

/** What the fake says about a stock in CONTRACT_DATA. */
export interface StockDetails {
  readonly conId: number;
  readonly symbol: string;
  readonly primaryExchange: string;
  readonly currency: string;
  readonly longName: string;
}

const ORDER_TYPES =
  'ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,DARKPOLL,DAY,GAT,GTC,GTD,LIT,LMT,MIT,MKT,MOC,MOO,STP,STPLMT,TRAIL,WHATIF';
const TRADING_HOURS = 'regular NYSE session; see core/calendar for the exact days';

/**
 * CONTRACT_DATA at sv 193 (no version field; sv >= 164 size rules, >= 182 lastTradeDate, >= 186 ineligibility
 * reasons), for a SMART-routed US stock.
 */
export function contractDataMessage(reqId: number, stock: StockDetails): Field[] {
  return [
    GatewayMessage.CONTRACT_DATA,
    reqId,
    stock.symbol,
    'STK',
    '', // lastTradeDateOrContractMonth
    '', // lastTradeDate
    0, // strike
    '', // right
    'SMART',
    stock.currency,
    stock.symbol, // localSymbol
    'NMS', // marketName
    'NMS', // tradingClass
    stock.conId,
    0.01, // minTick
    '', // multiplier
    ORDER_TYPES,
    `SMART,${stock.primaryExchange},ARCA,BATS,IEX`,
    1, // priceMagnifier
    0, // underConId
    stock.longName,
    stock.primaryExchange,
    '', // contractMonth
    'Technology',
    'Computers',
    'Computers',
    'US/Eastern',
    TRADING_HOURS,
    TRADING_HOURS,
    '', // evRule
    '', // evMultiplier
    1, // secIdList count
    'ISIN',
    `US${String(stock.conId).padStart(9, '0')}0`,
    1, // aggGroup
    '', // underSymbol
    '', // underSecType
    '26,26,26', // marketRuleIds
    '', // realExpirationDate
    'COMMON',
    1, // minSize
    1, // sizeIncrement
    100, // suggestedSizeIncrement
    0, // ineligibility reasons count
  ];
}

/** CONTRACT_DATA_END. */
export function contractDataEndMessage(reqId: number): Field[] {
  return [GatewayMessage.CONTRACT_DATA_END, 1, reqId];
}
