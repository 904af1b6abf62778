import type { Micros } from '../money/money.js';
import type { BrokerOrderId, ClientOrderId } from '../trading/ids.js';
import type { OrderType, Side } from '../trading/types.js';
import type { SimBrokerConfig } from './SimBrokerConfig.js';

/** A working order inside the simulated broker. Plain data. */
export interface SimOrder {
  readonly clientOrderId: ClientOrderId;
  readonly brokerOrderId: BrokerOrderId;
  readonly ticker: string;
  readonly side: Side;
  readonly type: OrderType;
  /** Total quantity (after replaces). */
  quantity: number;
  /** Limit price (LIMIT orders only). */
  limitPrice: Micros | null;
  filledQuantity: number;
  /** Sum of price x quantity over the order's executions, for the commission cap. */
  filledValue: Micros;
  /** Commission charged so far over the order's executions. */
  commissionCharged: Micros;
  /**
   * UTC ms of submission, moved to the time of the last accepted replace: bars that start earlier are never eligible,
   * so neither an order nor its new terms can trade on a bar that opened before they were decided.
   */
  submittedTs: number;
  /** Bars starting at or after submission still to pass before the order may fill (latency). */
  barsToWait: number;
  /** New York day (yyyymmdd) of the first bar the order saw; 0 before that bar. */
  sessionDay: number;
}

/**
 * Everything the simulated broker knows: plain data but for `tickerOf`, a `Map`; `simBrokerToJson` and
 * `simBrokerFromJson` save and restore it exactly.
 * Working orders are grouped by ticker, each list in submission order; a ticker whose last working order goes is
 * removed, so a search by id visits only the tickers worked, not every ticker ever traded.
 */
export interface SimBrokerState {
  readonly config: SimBrokerConfig;
  readonly working: Record<string, SimOrder[]>;
  /**
   * The ticker of each working order, by client order id: finds an order (a duplicate id at submission, a cancel,
   * a replace) with one lookup instead of a walk over the tickers worked. Kept wherever an order starts or stops
   * working. A `Map`: every order brings an id never seen before, and as an object key each new id was internalized
   * by V8 and looked up in a dictionary-mode object (measured: 3% of a backtest of 100,000 orders).
   */
  readonly tickerOf: Map<string, string>;
  /**
   * Orders working over all tickers (what `workingOrderCount` counts): a bar with none working anywhere, which is
   * most bars of a halted or quiet backtest, answers without a lookup by ticker.
   */
  workingCount: number;
  /** Number of the last broker order id handed out. */
  lastOrderNumber: number;
  /** Number of the last execution id handed out. */
  lastExecutionNumber: number;
}

/** The saved form of a `SimBrokerState`: the same fields, `tickerOf` as a plain object. */
export type SimBrokerJson = Omit<SimBrokerState, 'tickerOf'> & { readonly tickerOf: Record<string, string> };

/** The state as plain data for `JSON.stringify` (sharing the orders: copy the text, not this object). */
export function simBrokerToJson(state: SimBrokerState): SimBrokerJson {
  return { ...state, tickerOf: Object.fromEntries(state.tickerOf) };
}

/** A state from its saved form (parsed JSON, taken over, not copied). */
export function simBrokerFromJson(json: SimBrokerJson): SimBrokerState {
  return { ...json, tickerOf: new Map(Object.entries(json.tickerOf)) };
}
