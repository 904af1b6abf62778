import type { Micros } from '../money/money.js';
import type { ClientOrderId } from '../trading/ids.js';
import { OrderType, type OrderRecord } from '../trading/types.js';
import { illegalNotice, invalidReplaceNotice, unknownOrderNotice } from './notices.js';
import { OrderEvent } from './OrderEvent.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { NO_NOTICES, type OrderNotice } from './OrderNotice.js';
import { OrderOutcome, type OrderUpdate } from './OrderUpdate.js';
import { setStatus } from './setStatus.js';
import { lookupTransition } from './transitions.js';
import { restOf, shiftWorking } from './shiftWorking.js';

/** What makes the new quantity or limit price impossible for this order, or `null`. */
function checkReplace(record: OrderRecord, quantity: number, limitPrice: Micros | null): string | null {
  if (!Number.isSafeInteger(quantity) || quantity <= record.filledQuantity) {
    return `quantity must be a whole number above the ${record.filledQuantity} shares already filled, was ${quantity}`;
  }
  if (record.request.type === OrderType.LIMIT) {
    if (limitPrice === null || !Number.isSafeInteger(limitPrice) || limitPrice <= 0) {
      return `a LIMIT order needs a positive limit price in micro-dollars, was ${limitPrice}`;
    }
  } else if (limitPrice !== null) {
    return `a MARKET order takes no limit price, was ${limitPrice}`;
  }
  return null;
}

/**
 * Changes the quantity and/or limit price of a working (SUBMITTED or PARTIALLY_FILLED) order, which stays working;
 * send the ReplaceOrder command only when the outcome is APPLIED. The new values take effect at once (the
 * broker's later status reports and executions are the truth). The new quantity is the total order quantity,
 * filled part included, and must exceed the filled part. Never throws.
 */
export function requestReplace(
  state: OrderManagerState,
  id: ClientOrderId,
  quantity: number,
  limitPrice: Micros | null,
  ts: number,
): OrderUpdate {
  const record = state.orders.get(id);
  if (record === undefined) {
    const notices = [unknownOrderNotice(id, 'replace request')];
    return { outcome: OrderOutcome.UNKNOWN_ORDER, clientOrderId: id, previousStatus: null, status: null, notices };
  }
  const previousStatus = record.status;
  const refuse = (outcome: OrderOutcome, notice: OrderNotice): OrderUpdate => {
    return { outcome, clientOrderId: id, previousStatus, status: previousStatus, notices: [notice] };
  };
  const next = lookupTransition(previousStatus, OrderEvent.REPLACE);
  if (next === null) return refuse(OrderOutcome.ILLEGAL, illegalNotice(id, previousStatus, OrderEvent.REPLACE, 'warn'));
  const problem = checkReplace(record, quantity, limitPrice);
  if (problem !== null) return refuse(OrderOutcome.INVALID, invalidReplaceNotice(id, problem));
  const before = restOf(record);
  record.quantity = quantity;
  record.limitPrice = limitPrice;
  shiftWorking(state, record, before);
  setStatus(state, record, next, ts);
  return { outcome: OrderOutcome.APPLIED, clientOrderId: id, previousStatus, status: next, notices: NO_NOTICES };
}
