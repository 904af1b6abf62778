/**
 * What can happen to an order: the column of the transition table. Local actions (SUBMIT, REQUEST_CANCEL,
 * REPLACE) come from the engine; the others come from broker status reports and executions.
 */
export const OrderEvent = {
  /** The engine sends the order. */
  SUBMIT: 'SUBMIT',
  /** The broker accepted the order and it is working. */
  ACKNOWLEDGE: 'ACKNOWLEDGE',
  /** Executions cover part of the order quantity. */
  PARTIAL_FILL: 'PARTIAL_FILL',
  /** Executions cover the whole order quantity (or the broker reports it filled). */
  FILL: 'FILL',
  /** The engine asks the broker to cancel. */
  REQUEST_CANCEL: 'REQUEST_CANCEL',
  /** The broker confirms the order is cancelled. */
  CANCELLED: 'CANCELLED',
  /** The broker refused the order. */
  REJECTED: 'REJECTED',
  /** The broker holds the order but it is not working (IB "Inactive"). */
  INACTIVE: 'INACTIVE',
  /** The engine changes quantity and/or limit price of a working order. */
  REPLACE: 'REPLACE',
} as const;
export type OrderEvent = (typeof OrderEvent)[keyof typeof OrderEvent];
