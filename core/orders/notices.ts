import type { Execution, OrderStatus } from '../trading/types.js';
import { OrderCode } from './errors.js';
import type { OrderEvent } from './OrderEvent.js';
import type { OrderNotice } from './OrderNotice.js';

// The message texts of every notice, in one place (internal: callers see them inside updates).

/** A pair outside the table, refused. */
export const illegalNotice = (
  id: string,
  status: OrderStatus,
  event: OrderEvent,
  level: OrderNotice['level'],
): OrderNotice => ({
  level,
  code: OrderCode.ORDER_ILLEGAL_TRANSITION,
  message: `order ${id}: illegal transition, event ${event} in status ${status}; status not changed`,
  context: { clientOrderId: id, status, event },
});

/** The broker repeated the current status. */
export const duplicateStatusNotice = (id: string, status: OrderStatus): OrderNotice => ({
  level: 'debug',
  code: OrderCode.ORDER_DUPLICATE_STATUS,
  message: `order ${id}: status ${status} reported again; ignored`,
  context: { clientOrderId: id, status },
});

/** The broker reported a status the order has already moved past. */
export const staleStatusNotice = (id: string, reported: OrderStatus, current: OrderStatus): OrderNotice => ({
  level: 'info',
  code: OrderCode.ORDER_STALE_STATUS,
  message: `order ${id}: status ${reported} reported while ${current}; ignored as out of order`,
  context: { clientOrderId: id, reported, status: current },
});

/** A status report or request for an order nobody registered. */
export const unknownOrderNotice = (id: string, what: string): OrderNotice => ({
  level: 'warn',
  code: OrderCode.ORDER_UNKNOWN_ORDER,
  message: `order ${id}: unknown client order id; ${what} ignored`,
  context: { clientOrderId: id },
});

/** The broker gave an order a second broker id. */
export const brokerIdChangedNotice = (id: string, previous: string, next: string): OrderNotice => ({
  level: 'warn',
  code: OrderCode.ORDER_BROKER_ID_CHANGED,
  message: `order ${id}: broker order id changed from ${previous} to ${next}; both are kept`,
  context: { clientOrderId: id, previous, next },
});

/** An execution for an order nobody registered (placed elsewhere, or lost). */
export const unknownExecutionNotice = (execution: Execution): OrderNotice => ({
  level: 'warn',
  code: OrderCode.ORDER_UNKNOWN_EXECUTION,
  message: `execution ${execution.executionId}: unknown order ${execution.clientOrderId}; not applied`,
  context: { executionId: execution.executionId, clientOrderId: execution.clientOrderId, ticker: execution.ticker },
});

/** The same execution id again (IB re-sends executions on reconnect). */
export const duplicateExecutionNotice = (execution: Execution): OrderNotice => ({
  level: 'info',
  code: OrderCode.ORDER_DUPLICATE_EXECUTION,
  message: `execution ${execution.executionId} of order ${execution.clientOrderId} received again; ignored`,
  context: { executionId: execution.executionId, clientOrderId: execution.clientOrderId },
});

/** A correction replaced an earlier execution. */
export const correctedNotice = (previous: Execution, next: Execution): OrderNotice => ({
  level: 'info',
  code: OrderCode.ORDER_EXECUTION_CORRECTED,
  message:
    `execution ${next.executionId} corrects ${previous.executionId} of order ${next.clientOrderId}: ` +
    `${previous.quantity} @ ${previous.price} -> ${next.quantity} @ ${next.price} (micro-dollars)`,
  context: { executionId: next.executionId, corrects: previous.executionId, clientOrderId: next.clientOrderId },
});

/** A correction of an execution never received: the correction is applied as a new execution. */
export const unknownCorrectionNotice = (execution: Execution, corrects: string): OrderNotice => ({
  level: 'warn',
  code: OrderCode.ORDER_UNKNOWN_CORRECTION,
  message: `execution ${execution.executionId} corrects ${corrects}, which was never received; applied as new`,
  context: { executionId: execution.executionId, corrects, clientOrderId: execution.clientOrderId },
});

/** A correction whose corrected execution belongs to another order. */
export const correctionMismatchNotice = (execution: Execution, corrects: string, owner: string): OrderNotice => ({
  level: 'error',
  code: OrderCode.ORDER_CORRECTION_MISMATCH,
  message:
    `execution ${execution.executionId} of order ${execution.clientOrderId} corrects ${corrects}, ` +
    `which belongs to order ${owner}; not applied`,
  context: { executionId: execution.executionId, corrects, clientOrderId: execution.clientOrderId, owner },
});

/** An execution that cannot belong to its order or carries impossible numbers. */
export const invalidExecutionNotice = (execution: Execution, problem: string): OrderNotice => ({
  level: 'error',
  code: OrderCode.ORDER_INVALID_EXECUTION,
  message: `execution ${execution.executionId} of order ${execution.clientOrderId}: ${problem}; not applied`,
  context: { executionId: execution.executionId, clientOrderId: execution.clientOrderId },
});

/** Executions add up to more than the order quantity. */
export const overfillNotice = (id: string, filled: number, quantity: number): OrderNotice => ({
  level: 'error',
  code: OrderCode.ORDER_OVERFILL,
  message: `order ${id}: executions total ${filled} shares for an order of ${quantity}; applied, executions are the truth`,
  context: { clientOrderId: id, filledQuantity: filled, quantity },
});

/** A replace the order cannot take. */
export const invalidReplaceNotice = (id: string, problem: string): OrderNotice => ({
  level: 'warn',
  code: OrderCode.ORDER_INVALID_REPLACE,
  message: `order ${id}: replace refused, ${problem}`,
  context: { clientOrderId: id },
});
