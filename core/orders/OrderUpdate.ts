import type { ClientOrderId, StrategyId } from '../trading/ids.js';
import type { Execution, OrderStatus } from '../trading/types.js';
import type { OrderNotice } from './OrderNotice.js';

/** How an order manager call ended. */
export const OrderOutcome = {
  /** The state changed (for an execution: it was recorded, whatever happened to the status). */
  APPLIED: 'APPLIED',
  /** The same status or the same execution id again: nothing changed. */
  DUPLICATE: 'DUPLICATE',
  /** A status report older than the current status (out of order): nothing changed. */
  STALE: 'STALE',
  /** The (status, event) pair is not in the transition table: nothing changed. */
  ILLEGAL: 'ILLEGAL',
  /** No order has this client order id: nothing changed. */
  UNKNOWN_ORDER: 'UNKNOWN_ORDER',
  /** The input breaks an invariant (an execution that does not match its order, a replace below the filled part). */
  INVALID: 'INVALID',
} as const;
export type OrderOutcome = (typeof OrderOutcome)[keyof typeof OrderOutcome];

/** The result of a status report, a cancel request or a replace request. */
export interface OrderUpdate {
  readonly outcome: OrderOutcome;
  readonly clientOrderId: ClientOrderId;
  /** Status before the call (`null` for an unknown order). */
  readonly previousStatus: OrderStatus | null;
  /** Status after the call (`null` for an unknown order). */
  readonly status: OrderStatus | null;
  /** What to log; empty in the ordinary case. */
  readonly notices: readonly OrderNotice[];
}

/**
 * The result of an execution report: exactly what the portfolio must do, in order: reverse `removed`, then apply
 * `added`, both for `strategy`. Positions then equal the sum of the current (corrected, de-duplicated) executions.
 */
export interface ExecutionUpdate extends OrderUpdate {
  /** The strategy that owns the order (`null` for an unknown order). */
  readonly strategy: StrategyId | null;
  /** Executions no longer current (the one a correction replaces). */
  readonly removed: readonly Execution[];
  /** Executions that became current. */
  readonly added: readonly Execution[];
}
