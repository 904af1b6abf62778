import type { OrderStatusReported } from '../trading/events.js';
import type { BrokerOrderId, ClientOrderId } from '../trading/ids.js';
import type { OrderStatus } from '../trading/types.js';

/** Builds an OrderStatusReported event. */
export function orderStatusReported(
  ts: number,
  clientOrderId: ClientOrderId,
  brokerOrderId: BrokerOrderId | null,
  status: OrderStatus,
  reason: string | null,
): OrderStatusReported {
  return { type: 'OrderStatusReported', ts, clientOrderId, brokerOrderId, status, reason };
}
