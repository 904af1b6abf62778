import { ZERO_MICROS } from '../money/money.js';
import { brokerOrderId } from '../trading/ids.js';
import { OrderStatus, OrderType } from '../trading/types.js';
import type { OrderRequest } from '../trading/types.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { BrokerReason, formatReason } from './BrokerReason.js';
import { findWorkingOrder } from './findWorkingOrder.js';
import { orderStatusReported } from './orderStatusReported.js';
import type { SimBrokerState } from './SimBrokerState.js';

/** Why an order cannot be accepted, or null when it can. */
function checkOrder(state: SimBrokerState, order: OrderRequest): string | null {
  if (!Number.isSafeInteger(order.quantity) || order.quantity <= 0) {
    return formatReason(BrokerReason.INVALID_QUANTITY, { quantity: order.quantity });
  }
  if (order.ticker.length === 0) return formatReason(BrokerReason.INVALID_TICKER, { ticker: '""' });
  if (order.type === OrderType.LIMIT) {
    if (order.limitPrice === null) return formatReason(BrokerReason.MISSING_LIMIT_PRICE, { type: order.type });
    if (!Number.isSafeInteger(order.limitPrice) || order.limitPrice <= 0) {
      return formatReason(BrokerReason.INVALID_LIMIT_PRICE, { limitPrice: order.limitPrice });
    }
  }
  if (findWorkingOrder(state, order.clientOrderId) !== null) {
    return formatReason(BrokerReason.DUPLICATE_ORDER_ID, { clientOrderId: order.clientOrderId });
  }
  return null;
}

/**
 * Accepts an order at `ts`: returns OrderStatusReported SUBMITTED with a new broker order id (`1`, `2`, ...), or
 * REJECTED with a reason (and no broker order id) for a non-positive or fractional quantity, a LIMIT order
 * without a positive limit price, an empty ticker, or a client order id that is already working.
 * A MARKET order's limit price is ignored, as Interactive Brokers does.
 */
export function submitOrder(state: SimBrokerState, order: OrderRequest, ts: number): BrokerEvent[] {
  const rejection = checkOrder(state, order);
  if (rejection !== null) {
    return [orderStatusReported(ts, order.clientOrderId, null, OrderStatus.REJECTED, rejection)];
  }
  state.lastOrderNumber += 1;
  const id = brokerOrderId(String(state.lastOrderNumber));
  const orders = (state.working[order.ticker] ??= []);
  state.tickerOf.set(order.clientOrderId, order.ticker);
  state.workingCount += 1;
  orders.push({
    clientOrderId: order.clientOrderId,
    brokerOrderId: id,
    ticker: order.ticker,
    side: order.side,
    type: order.type,
    quantity: order.quantity,
    limitPrice: order.type === OrderType.LIMIT ? order.limitPrice : null,
    filledQuantity: 0,
    filledValue: ZERO_MICROS,
    commissionCharged: ZERO_MICROS,
    submittedTs: ts,
    barsToWait: state.config.latencyBars,
    sessionDay: 0,
  });
  return [orderStatusReported(ts, order.clientOrderId, id, OrderStatus.SUBMITTED, null)];
}
