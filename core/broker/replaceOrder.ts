import type { Micros } from '../money/money.js';
import type { ClientOrderId } from '../trading/ids.js';
import { OrderStatus, OrderType } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { BrokerReason, formatReason } from './BrokerReason.js';
import { findWorkingOrder } from './findWorkingOrder.js';
import { orderStatusReported } from './orderStatusReported.js';
import type { SimBrokerState, SimOrder } from './SimBrokerState.js';

function checkReplace(order: SimOrder, quantity: number, limitPrice: Micros | null): string | null {
  if (!Number.isSafeInteger(quantity) || quantity <= order.filledQuantity) {
    return formatReason(BrokerReason.REPLACE_REJECTED, { quantity, filledQuantity: order.filledQuantity });
  }
  if (order.type === OrderType.LIMIT && limitPrice !== null && !(Number.isSafeInteger(limitPrice) && limitPrice > 0)) {
    return formatReason(BrokerReason.REPLACE_REJECTED, { limitPrice });
  }
  return null;
}

/**
 * Changes a working order's total quantity and, for a LIMIT order, its limit price (null keeps the current
 * one; a MARKET order ignores it). Takes effect at once, without new latency and keeping the order's day; bars that
 * started before `ts` no longer fill the order (the new terms did not exist when they opened).
 * Answers with the order's current status (SUBMITTED, or PARTIALLY_FILLED once shares filled): reason
 * `REPLACED`, or `REPLACE_REJECTED: ...` with the order unchanged when the new quantity is not a whole number
 * above the filled quantity or the limit price is not positive. An order that is not working gives no event.
 */
export function replaceOrder(
  state: SimBrokerState,
  id: ClientOrderId,
  quantity: number,
  limitPrice: Micros | null,
  ts: number,
): BrokerEvent[] {
  const slot = findWorkingOrder(state, id);
  if (slot === null) return [];
  const order = slot.orders[slot.index];
  const status = order.filledQuantity > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.SUBMITTED;
  const rejection = checkReplace(order, quantity, limitPrice);
  if (rejection === null) {
    order.quantity = quantity;
    if (order.type === OrderType.LIMIT && limitPrice !== null) order.limitPrice = limitPrice;
    // The new terms exist from `ts` on: a bar of the ticker that opened earlier and reaches the broker later (another
    // ticker's close at the same time decided the replace) must not fill them, as submitOrder's guard does for orders.
    order.submittedTs = Math.max(order.submittedTs, ts);
  }
  return [
    orderStatusReported(ts, order.clientOrderId, order.brokerOrderId, status, rejection ?? BrokerReason.REPLACED),
  ];
}
