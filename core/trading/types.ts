import type { Micros } from '../money/money.js';
import type { BrokerOrderId, ClientOrderId, ExecutionId, StrategyId } from './ids.js';

/** Buy or sell. */
export const Side = { BUY: 'BUY', SELL: 'SELL' } as const;
export type Side = (typeof Side)[keyof typeof Side];

/** Order types the engine sends. */
export const OrderType = { MARKET: 'MARKET', LIMIT: 'LIMIT' } as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];

/** Why an order exists: risk treats risk-reducing orders differently from new risk. */
export const OrderPurpose = { ENTRY: 'ENTRY', EXIT: 'EXIT', FLATTEN: 'FLATTEN' } as const;
export type OrderPurpose = (typeof OrderPurpose)[keyof typeof OrderPurpose];

/** The life cycle of an order (SPEC section 6). */
export const OrderStatus = {
  NEW: 'NEW',
  PENDING_SUBMIT: 'PENDING_SUBMIT',
  SUBMITTED: 'SUBMITTED',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  FILLED: 'FILLED',
  PENDING_CANCEL: 'PENDING_CANCEL',
  CANCELLED: 'CANCELLED',
  REJECTED: 'REJECTED',
  INACTIVE: 'INACTIVE',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/** What the engine asks for. Prices in micro-dollars; quantity in whole shares, always positive. */
export interface OrderRequest {
  readonly clientOrderId: ClientOrderId;
  readonly strategy: StrategyId;
  readonly ticker: string;
  readonly side: Side;
  readonly quantity: number;
  readonly type: OrderType;
  /** Limit price (LIMIT orders only). */
  readonly limitPrice: Micros | null;
  readonly purpose: OrderPurpose;
  /** Event time (UTC ms) when the engine created it. */
  readonly createdTs: number;
}

/** One execution: the source of truth for fills. A correction carries the id of the execution it replaces. */
export interface Execution {
  readonly executionId: ExecutionId;
  readonly clientOrderId: ClientOrderId;
  readonly ticker: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: Micros;
  readonly commission: Micros;
  /** UTC ms of the execution. */
  readonly ts: number;
  /** Set when this execution corrects (replaces) an earlier one. */
  readonly correctsExecutionId: ExecutionId | null;
}

/**
 * An order as the order manager tracks it: the request plus its state. Plain data but for `executions`, a `Map`
 * (saved as an object by `orderManagerToJson`).
 */
export interface OrderRecord {
  readonly request: OrderRequest;
  status: OrderStatus;
  brokerOrderId: BrokerOrderId | null;
  filledQuantity: number;
  /**
   * Executions by id; a correction replaces the entry of the execution it corrects. A `Map` because every execution
   * id is new: as an object key each was internalized by V8 (about a tenth of `applyExecution`).
   */
  executions: Map<string, Execution>;
  /** Working quantity after a replace (starts as request.quantity). */
  quantity: number;
  limitPrice: Micros | null;
  lastUpdateTs: number;
  /** Why it was rejected or became inactive. */
  reason: string | null;
}
