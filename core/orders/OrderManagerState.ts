import type { BrokerOrderId, ClientOrderId, ExecutionId } from '../trading/ids.js';
import type { Execution, OrderRecord } from '../trading/types.js';
import { sumWorkingByTicker } from './sumWorkingByTicker.js';

/**
 * Everything the order manager knows. Local ids come from `sequences`, which lives here, so they stay unique and
 * stable across reconnects and restarts.
 *
 * The four id-keyed tables, and each order's executions, are `Map`s, not objects: every order and execution brings an id never seen before, and
 * as object keys V8 internalizes each new string, keeps the object in slow dictionary mode, and walks it slowly with
 * `for...in` at the daily prune (together about a tenth of the benchmark backtest's trading phase). A `Map` does not
 * survive `JSON.stringify`, so the state is saved with `orderManagerToJson` and read back with
 * `orderManagerFromJson`, which write and read the tables as plain objects: the saved form is what it was when the
 * tables were objects, so states saved before still restore.
 */
export interface OrderManagerState {
  /** Every tracked order by client order id. */
  orders: Map<string, OrderRecord>;
  /** Client order ids whose status is working (may still fill), in registration order. */
  working: ClientOrderId[];
  /**
   * Signed shares still to fill over the working orders, per ticker (buys positive; tickers at zero left out): the
   * sums `openQuantity` gives for all strategies, kept up to date so a risk check needs no pass over the orders.
   */
  workingByTicker: Record<string, number>;
  /** The keys of `workingByTicker`, in the order they came: a list walks faster than the keys of an object. */
  workedTickers: string[];
  /** Last sequence number used per strategy, for `<strategy>-<n>` ids. */
  sequences: Record<string, number>;
  /** Every execution id ever accepted (current or corrected since) -> its client order id. */
  executionOrders: Map<string, ClientOrderId>;
  /** Corrected execution id -> the execution id that replaced it (corrections can be corrected again). */
  corrections: Map<string, ExecutionId>;
  /** Broker order id -> client order id. */
  brokerOrders: Map<string, ClientOrderId>;
}

/** An `OrderRecord` as saved: its executions as a plain object keyed by execution id. */
export type OrderRecordJson = Omit<OrderRecord, 'executions'> & { executions: Record<string, Execution> };

/** The saved form of an `OrderManagerState`: the same fields, the id-keyed tables as plain objects. */
export interface OrderManagerJson {
  orders: Record<string, OrderRecordJson>;
  working: ClientOrderId[];
  workingByTicker?: Record<string, number>;
  workedTickers?: string[];
  sequences: Record<string, number>;
  executionOrders: Record<string, ClientOrderId>;
  corrections: Record<string, ExecutionId>;
  brokerOrders: Record<string, ClientOrderId>;
}

/** An empty order manager. */
export function createOrderManagerState(): OrderManagerState {
  return {
    orders: new Map(),
    working: [],
    workingByTicker: {},
    workedTickers: [],
    sequences: {},
    executionOrders: new Map(),
    corrections: new Map(),
    brokerOrders: new Map(),
  };
}

/**
 * The state as plain data for `JSON.stringify`, sharing the records (copy the text, not this object). Field order
 * and the tables' key order are those of the object form, so the saved text is byte for byte what it was then.
 */
export function orderManagerToJson(state: OrderManagerState): OrderManagerJson {
  return {
    orders: Object.fromEntries(
      [...state.orders].map(([id, record]) => [id, { ...record, executions: Object.fromEntries(record.executions) }]),
    ),
    working: state.working,
    workingByTicker: state.workingByTicker,
    workedTickers: state.workedTickers,
    sequences: state.sequences,
    executionOrders: Object.fromEntries(state.executionOrders),
    corrections: Object.fromEntries(state.corrections),
    brokerOrders: Object.fromEntries(state.brokerOrders),
  };
}

/**
 * A state from its saved form (parsed JSON, taken over, not copied). A state saved before the working sums were
 * kept gets them summed from its working orders.
 */
export function orderManagerFromJson(json: OrderManagerJson): OrderManagerState {
  const state: OrderManagerState = {
    orders: new Map(
      Object.entries(json.orders).map(([id, record]) => [
        id,
        { ...record, executions: new Map(Object.entries(record.executions)) },
      ]),
    ),
    working: json.working,
    workingByTicker: json.workingByTicker ?? {},
    workedTickers: json.workedTickers ?? [],
    sequences: json.sequences,
    executionOrders: new Map(Object.entries(json.executionOrders)),
    corrections: new Map(Object.entries(json.corrections)),
    brokerOrders: new Map(Object.entries(json.brokerOrders)),
  };
  if (json.workingByTicker === undefined) Object.assign(state, sumWorkingByTicker(state));
  return state;
}

/** The client order id the broker knows as `brokerOrderId`, or `null`. */
export function clientOrderIdForBroker(state: OrderManagerState, brokerOrderId: BrokerOrderId): ClientOrderId | null {
  return state.brokerOrders.get(brokerOrderId) ?? null;
}
