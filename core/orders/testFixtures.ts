// Builders shared by the order manager's tests (not exported from index.ts).
import type { Micros } from '../money/money.js';
import type { ExecutionReported, OrderStatusReported } from '../trading/events.js';
import { brokerOrderId, clientOrderId, executionId, strategyId } from '../trading/ids.js';
import type { Execution, OrderRequest, OrderStatus, Side } from '../trading/types.js';
import { OrderPurpose, OrderType } from '../trading/types.js';

/** A market order request; override any field. */
export function orderRequest(id: string, fields: Partial<OrderRequest> = {}): OrderRequest {
  return {
    clientOrderId: clientOrderId(id),
    strategy: strategyId('alpha'),
    ticker: 'AAPL',
    side: 'BUY',
    quantity: 100,
    type: OrderType.MARKET,
    limitPrice: null,
    purpose: OrderPurpose.ENTRY,
    createdTs: 1_000,
    ...fields,
  };
}

/** An execution report of `quantity` shares at `price` micro-dollars for order `order`. */
export function executionEvent(
  order: string,
  id: string,
  quantity: number,
  price: number,
  fields: { side?: Side; ticker?: string; corrects?: string; commission?: number; ts?: number } = {},
): ExecutionReported {
  const execution: Execution = {
    executionId: executionId(id),
    clientOrderId: clientOrderId(order),
    ticker: fields.ticker ?? 'AAPL',
    side: fields.side ?? 'BUY',
    quantity,
    price: price as Micros,
    commission: (fields.commission ?? 0) as Micros,
    ts: fields.ts ?? 2_000,
    correctsExecutionId: fields.corrects === undefined ? null : executionId(fields.corrects),
  };
  return { type: 'ExecutionReported', ts: execution.ts, execution };
}

/** A status report for order `order`. */
export function statusEvent(
  order: string,
  status: OrderStatus,
  fields: { broker?: string; reason?: string; ts?: number } = {},
): OrderStatusReported {
  return {
    type: 'OrderStatusReported',
    ts: fields.ts ?? 3_000,
    clientOrderId: clientOrderId(order),
    brokerOrderId: fields.broker === undefined ? null : brokerOrderId(fields.broker),
    status,
    reason: fields.reason ?? null,
  };
}
