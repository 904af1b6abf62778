import { OrderStatus } from '../trading/types.js';
import { InvalidTransitionError } from './errors.js';
import { OrderEvent } from './OrderEvent.js';

const S = OrderStatus;
const E = OrderEvent;

/**
 * The order state machine: (status, event) -> next status. A pair absent from this table is illegal.
 * Duplicate and out-of-order broker status reports never reach the table: `applyOrderStatus` sorts them out first.
 */
export const TRANSITIONS: Readonly<Record<OrderStatus, Readonly<Partial<Record<OrderEvent, OrderStatus>>>>> = {
  [S.NEW]: {
    [E.SUBMIT]: S.PENDING_SUBMIT,
  },
  [S.PENDING_SUBMIT]: {
    [E.ACKNOWLEDGE]: S.SUBMITTED,
    // IB may send an execution before the status that acknowledges the order; the execution wins.
    [E.PARTIAL_FILL]: S.PARTIALLY_FILLED,
    [E.FILL]: S.FILLED,
    // A cancel may be sent before the acknowledgement arrives.
    [E.REQUEST_CANCEL]: S.PENDING_CANCEL,
    [E.CANCELLED]: S.CANCELLED,
    [E.REJECTED]: S.REJECTED,
    [E.INACTIVE]: S.INACTIVE,
  },
  [S.SUBMITTED]: {
    [E.PARTIAL_FILL]: S.PARTIALLY_FILLED,
    [E.FILL]: S.FILLED,
    [E.REQUEST_CANCEL]: S.PENDING_CANCEL,
    // The broker cancels on its own (a day order expiring, a cancel from another session).
    [E.CANCELLED]: S.CANCELLED,
    // The exchange can refuse an order the broker had accepted.
    [E.REJECTED]: S.REJECTED,
    [E.INACTIVE]: S.INACTIVE,
    [E.REPLACE]: S.SUBMITTED,
  },
  [S.PARTIALLY_FILLED]: {
    [E.PARTIAL_FILL]: S.PARTIALLY_FILLED,
    [E.FILL]: S.FILLED,
    [E.REQUEST_CANCEL]: S.PENDING_CANCEL,
    // The filled part stays filled; only the rest is cancelled.
    [E.CANCELLED]: S.CANCELLED,
    [E.INACTIVE]: S.INACTIVE,
    [E.REPLACE]: S.PARTIALLY_FILLED,
  },
  [S.PENDING_CANCEL]: {
    // A fill that raced the cancel request: the cancel is still pending for the rest.
    [E.PARTIAL_FILL]: S.PENDING_CANCEL,
    // The order filled before the cancel reached the exchange: executions are the truth.
    [E.FILL]: S.FILLED,
    // Asking again is how an unanswered cancel is retried; it is harmless.
    [E.REQUEST_CANCEL]: S.PENDING_CANCEL,
    [E.CANCELLED]: S.CANCELLED,
    // The order itself was refused (a cancel sent before the broker had answered the submit).
    [E.REJECTED]: S.REJECTED,
    [E.INACTIVE]: S.INACTIVE,
  },
  [S.FILLED]: {
    // Status reports and executions travel separately: executions may arrive after the FILLED status.
    [E.PARTIAL_FILL]: S.FILLED,
    [E.FILL]: S.FILLED,
  },
  [S.CANCELLED]: {
    // A late execution for the part filled before the cancel took effect: applied, the order stays cancelled.
    [E.PARTIAL_FILL]: S.CANCELLED,
    // Executions covering the whole quantity contradict the cancel: executions are the truth.
    [E.FILL]: S.FILLED,
  },
  [S.REJECTED]: {},
  [S.INACTIVE]: {
    // As for CANCELLED: executions from before the order stopped working may still arrive.
    [E.PARTIAL_FILL]: S.INACTIVE,
    [E.FILL]: S.FILLED,
  },
};

/** The next status, or `null` when the pair is not in the table (the non-throwing form used by `apply*`). */
export function lookupTransition(status: OrderStatus, event: OrderEvent): OrderStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** The next status for a legal pair; throws `InvalidTransitionError` (ORDER_ILLEGAL_TRANSITION) for any other. */
export function nextStatus(status: OrderStatus, event: OrderEvent): OrderStatus {
  const next = lookupTransition(status, event);
  if (next === null) throw new InvalidTransitionError(status, event);
  return next;
}

/** Statuses in which an order may still fill: it counts towards open quantity. */
export function isWorking(status: OrderStatus): boolean {
  return (
    status === S.PENDING_SUBMIT ||
    status === S.SUBMITTED ||
    status === S.PARTIALLY_FILLED ||
    status === S.PENDING_CANCEL
  );
}
