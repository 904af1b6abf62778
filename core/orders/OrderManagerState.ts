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
  return { orders: {}, working: [], sequences: {}, executionOrders: {}, corrections: {}, brokerOrders: {} };
}

/** The client order id the broker knows as `brokerOrderId`, or `null`. */
export function clientOrderIdForBroker(state: OrderManagerState, brokerOrderId: BrokerOrderId): ClientOrderId | null {
  return state.brokerOrders[brokerOrderId] ?? null;
}
