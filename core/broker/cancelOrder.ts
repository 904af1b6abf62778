import type { ClientOrderId } from '../trading/ids.js';
import { OrderStatus } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { findWorkingOrder } from './findWorkingOrder.js';
import { orderStatusReported } from './orderStatusReported.js';
import type { SimBrokerState } from './SimBrokerState.js';

/**
 * Cancels a working order at once (before the next bar): OrderStatusReported CANCELLED, reason null. Shares
 * already filled stay filled. An order that is not working (unknown, filled, cancelled) gives no event, as
 * Interactive Brokers answers such a cancel with an error message only (code 161 or 10147).
 */
export function cancelOrder(state: SimBrokerState, id: ClientOrderId, ts: number): BrokerEvent[] {
  const slot = findWorkingOrder(state, id);
  if (slot === null) return [];
  const order = slot.orders[slot.index];
  slot.orders.splice(slot.index, 1);
  state.tickerOf.delete(order.clientOrderId);
  state.workingCount -= 1;
  if (slot.orders.length === 0) delete state.working[order.ticker];
  return [orderStatusReported(ts, order.clientOrderId, order.brokerOrderId, OrderStatus.CANCELLED, null)];
}
