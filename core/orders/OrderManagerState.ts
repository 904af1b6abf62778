import type { BrokerOrderId, ClientOrderId, ExecutionId } from '../trading/ids.js';
import type { OrderRecord } from '../trading/types.js';

/**
 * Everything the order manager knows, as plain data (JSON round-trips it exactly). Local ids come from
 * `sequences`, which lives here, so they stay unique and stable across reconnects and restarts.
 */
export interface OrderManagerState {
  /** Every tracked order by client order id. */
  orders: Record<string, OrderRecord>;
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
  executionOrders: Record<string, ClientOrderId>;
  /** Corrected execution id -> the execution id that replaced it (corrections can be corrected again). */
  corrections: Record<string, ExecutionId>;
  /** Broker order id -> client order id. */
  brokerOrders: Record<string, ClientOrderId>;
}

/** An empty order manager. */
export function createOrderManagerState(): OrderManagerState {
  return {
    orders: {},
    working: [],
    workingByTicker: {},
    workedTickers: [],
    sequences: {},
    executionOrders: {},
    corrections: {},
    brokerOrders: {},
  };
}

/** The client order id the broker knows as `brokerOrderId`, or `null`. */
export function clientOrderIdForBroker(state: OrderManagerState, brokerOrderId: BrokerOrderId): ClientOrderId | null {
  return state.brokerOrders[brokerOrderId] ?? null;
}
