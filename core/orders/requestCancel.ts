import type { ClientOrderId } from '../trading/ids.js';
import { illegalNotice, unknownOrderNotice } from './notices.js';
import { OrderEvent } from './OrderEvent.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { NO_NOTICES } from './OrderNotice.js';
import { OrderOutcome, type OrderUpdate } from './OrderUpdate.js';
import { setStatus } from './setStatus.js';
import { lookupTransition } from './transitions.js';

/**
 * Marks a working order PENDING_CANCEL; send the CancelOrder command only when the outcome is APPLIED. Cancelling
 * an order that has already finished (a fill that won the race) is ILLEGAL with a warning, never thrown.
 */
export function requestCancel(state: OrderManagerState, id: ClientOrderId, ts: number): OrderUpdate {
  const record = state.orders.get(id);
  if (record === undefined) {
    const notices = [unknownOrderNotice(id, 'cancel request')];
    return { outcome: OrderOutcome.UNKNOWN_ORDER, clientOrderId: id, previousStatus: null, status: null, notices };
  }
  const previousStatus = record.status;
  const next = lookupTransition(previousStatus, OrderEvent.REQUEST_CANCEL);
  if (next === null) {
    const notices = [illegalNotice(id, previousStatus, OrderEvent.REQUEST_CANCEL, 'warn')];
    return { outcome: OrderOutcome.ILLEGAL, clientOrderId: id, previousStatus, status: previousStatus, notices };
  }
  setStatus(state, record, next, ts);
  return { outcome: OrderOutcome.APPLIED, clientOrderId: id, previousStatus, status: next, notices: NO_NOTICES };
}
