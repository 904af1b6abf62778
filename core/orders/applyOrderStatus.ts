import type { OrderStatusReported } from '../trading/events.js';
import { OrderStatus } from '../trading/types.js';
import {
  brokerIdChangedNotice,
  duplicateStatusNotice,
  illegalNotice,
  staleStatusNotice,
  unknownOrderNotice,
} from './notices.js';
import { OrderEvent } from './OrderEvent.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { NO_NOTICES, type OrderNotice } from './OrderNotice.js';
import { OrderOutcome, type OrderUpdate } from './OrderUpdate.js';
import { setStatus } from './setStatus.js';
import { lookupTransition } from './transitions.js';

/** The table event a reported status stands for (NEW is never reported meaningfully: always out of order). */
const EVENT_OF_STATUS: Readonly<Record<Exclude<OrderStatus, 'NEW'>, OrderEvent>> = {
  [OrderStatus.PENDING_SUBMIT]: OrderEvent.SUBMIT,
  [OrderStatus.SUBMITTED]: OrderEvent.ACKNOWLEDGE,
  [OrderStatus.PARTIALLY_FILLED]: OrderEvent.PARTIAL_FILL,
  [OrderStatus.FILLED]: OrderEvent.FILL,
  [OrderStatus.PENDING_CANCEL]: OrderEvent.REQUEST_CANCEL,
  [OrderStatus.CANCELLED]: OrderEvent.CANCELLED,
  [OrderStatus.REJECTED]: OrderEvent.REJECTED,
  [OrderStatus.INACTIVE]: OrderEvent.INACTIVE,
};

/** How far along its life an order is; a report of an earlier stage than the current one is out of order. */
const PROGRESS: Readonly<Record<OrderStatus, number>> = {
  [OrderStatus.NEW]: 0,
  [OrderStatus.PENDING_SUBMIT]: 1,
  [OrderStatus.SUBMITTED]: 2,
  [OrderStatus.PARTIALLY_FILLED]: 3,
  [OrderStatus.PENDING_CANCEL]: 4,
  [OrderStatus.FILLED]: 5,
  [OrderStatus.CANCELLED]: 5,
  [OrderStatus.REJECTED]: 5,
  [OrderStatus.INACTIVE]: 5,
};

/**
 * Applies a broker status report. In this order: an unknown order is reported; the broker id is recorded; the
 * current status again is a DUPLICATE (ignored, not illegal; logged, unless it is the FILLED that confirms the
 * executions that filled the order); a status earlier in the life cycle than the current
 * one is STALE (ignored and logged: the order never moves backwards, and executions, not status reports, carry
 * fills); a row of the table is APPLIED; anything else is ILLEGAL (logged as an error, not applied). Never throws.
 */
export function applyOrderStatus(state: OrderManagerState, event: OrderStatusReported): OrderUpdate {
  const id = event.clientOrderId;
  const record = state.orders.get(id);
  if (record === undefined) {
    const notices = [unknownOrderNotice(id, `status ${event.status}`)];
    return { outcome: OrderOutcome.UNKNOWN_ORDER, clientOrderId: id, previousStatus: null, status: null, notices };
  }
  const current = record.status;
  let notices: OrderNotice[] | null = null;
  if (event.brokerOrderId !== null && event.brokerOrderId !== record.brokerOrderId) {
    if (record.brokerOrderId !== null) {
      notices = [brokerIdChangedNotice(id, record.brokerOrderId, event.brokerOrderId)];
    }
    record.brokerOrderId = event.brokerOrderId;
    state.brokerOrders.set(event.brokerOrderId, id);
  }
  const done = (outcome: OrderOutcome, notice: OrderNotice | null): OrderUpdate => {
    if (notice !== null) (notices ??= []).push(notice);
    return {
      outcome,
      clientOrderId: id,
      previousStatus: current,
      status: record.status,
      notices: notices ?? NO_NOTICES,
    };
  };
  const reported = event.status;
  if (reported === current) {
    // FILLED after the executions that filled the order is the broker's confirmation (Interactive Brokers sends
    // both for every fill), not news worth a log line per order; other repeats are logged for tracing.
    const confirmation = reported === OrderStatus.FILLED && record.filledQuantity === record.quantity;
    return done(OrderOutcome.DUPLICATE, confirmation ? null : duplicateStatusNotice(id, current));
  }
  if (reported === OrderStatus.NEW || PROGRESS[reported] < PROGRESS[current]) {
    return done(OrderOutcome.STALE, staleStatusNotice(id, reported, current));
  }
  const orderEvent = EVENT_OF_STATUS[reported];
  const next = lookupTransition(current, orderEvent);
  if (next === null) return done(OrderOutcome.ILLEGAL, illegalNotice(id, current, orderEvent, 'error'));
  if (event.reason !== null) record.reason = event.reason;
  setStatus(state, record, next, event.ts);
  return done(OrderOutcome.APPLIED, null);
}
