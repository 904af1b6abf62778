import { AppError } from '../AppError.js';
import type { OrderStatus } from '../trading/types.js';
import type { OrderEvent } from './OrderEvent.js';

/** Codes of the order manager: thrown errors and the notices returned by `apply*` and `request*`. */
export const OrderCode = {
  ORDER_ILLEGAL_TRANSITION: 'ORDER_ILLEGAL_TRANSITION',
  ORDER_DUPLICATE_STATUS: 'ORDER_DUPLICATE_STATUS',
  ORDER_STALE_STATUS: 'ORDER_STALE_STATUS',
  ORDER_UNKNOWN_ORDER: 'ORDER_UNKNOWN_ORDER',
  ORDER_BROKER_ID_CHANGED: 'ORDER_BROKER_ID_CHANGED',
  ORDER_UNKNOWN_EXECUTION: 'ORDER_UNKNOWN_EXECUTION',
  ORDER_DUPLICATE_EXECUTION: 'ORDER_DUPLICATE_EXECUTION',
  ORDER_EXECUTION_CORRECTED: 'ORDER_EXECUTION_CORRECTED',
  ORDER_UNKNOWN_CORRECTION: 'ORDER_UNKNOWN_CORRECTION',
  ORDER_CORRECTION_MISMATCH: 'ORDER_CORRECTION_MISMATCH',
  ORDER_INVALID_EXECUTION: 'ORDER_INVALID_EXECUTION',
  ORDER_OVERFILL: 'ORDER_OVERFILL',
  ORDER_INVALID_REPLACE: 'ORDER_INVALID_REPLACE',
  ORDER_DUPLICATE_ID: 'ORDER_DUPLICATE_ID',
  ORDER_INVALID_REQUEST: 'ORDER_INVALID_REQUEST',
} as const;
export type OrderCode = (typeof OrderCode)[keyof typeof OrderCode];

/** A (status, event) pair that is not in the transition table. */
export class InvalidTransitionError extends AppError {
  readonly status: OrderStatus;
  readonly event: OrderEvent;

  constructor(status: OrderStatus, event: OrderEvent) {
    super(OrderCode.ORDER_ILLEGAL_TRANSITION, `illegal order transition: event ${event} in status ${status}`);
    this.status = status;
    this.event = event;
  }
}

/** The engine registered a client order id that is already tracked. */
export class DuplicateClientOrderIdError extends AppError {
  constructor(clientOrderId: string) {
    super(OrderCode.ORDER_DUPLICATE_ID, `order ${clientOrderId} is already registered`);
  }
}

/** The engine registered an order that cannot be sent as it is. */
export class InvalidOrderRequestError extends AppError {
  constructor(clientOrderId: string, problem: string) {
    super(OrderCode.ORDER_INVALID_REQUEST, `order ${clientOrderId}: ${problem}`);
  }
}
