import type { Execution, OrderRecord, OrderRequest } from '../trading/types.js';
import { OrderStatus, OrderType } from '../trading/types.js';
import { DuplicateClientOrderIdError, InvalidOrderRequestError } from './errors.js';
import { OrderEvent } from './OrderEvent.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { setStatus } from './setStatus.js';
import { nextStatus } from './transitions.js';

/** What is wrong with a request, or `null` when it can be sent. */
function checkRequest(request: OrderRequest): string | null {
  if (!Number.isSafeInteger(request.quantity) || request.quantity <= 0) {
    return `quantity must be a positive whole number of shares, was ${request.quantity}`;
  }
  if (request.ticker === '') return 'ticker must not be empty';
  if (request.type === OrderType.LIMIT) {
    const price = request.limitPrice;
    if (price === null || !Number.isSafeInteger(price) || price <= 0) {
      return `a LIMIT order needs a positive limit price in micro-dollars, was ${price}`;
    }
  } else if (request.limitPrice !== null) {
    return `a MARKET order takes no limit price, was ${request.limitPrice}`;
  }
  return null;
}

/**
 * Starts tracking an order the engine is about to send: created NEW, then moved to PENDING_SUBMIT as it goes out.
 * Throws `DuplicateClientOrderIdError` or `InvalidOrderRequestError`: both are engine bugs, not market events.
 */
export function registerOrder(state: OrderManagerState, request: OrderRequest, ts: number): OrderRecord {
  const id = request.clientOrderId;
  if (state.orders.has(id)) throw new DuplicateClientOrderIdError(id);
  const problem = checkRequest(request);
  if (problem !== null) throw new InvalidOrderRequestError(id, problem);
  const record: OrderRecord = {
    request,
    status: OrderStatus.NEW,
    brokerOrderId: null,
    filledQuantity: 0,
    executions: new Map<string, Execution>(),
    quantity: request.quantity,
    limitPrice: request.limitPrice,
    lastUpdateTs: ts,
    reason: null,
  };
  state.orders.set(id, record);
  setStatus(state, record, nextStatus(record.status, OrderEvent.SUBMIT), ts);
  return record;
}
