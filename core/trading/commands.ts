import type { Micros } from '../money/money.js';
import type { ClientOrderId } from './ids.js';
import type { OrderRequest } from './types.js';

/** What the engine asks the outside world to do. Drivers (backtester, hot path) carry them out. */
export type EngineCommand = SubmitOrder | CancelOrder | ReplaceOrder | LogRecord;

/** Send a new order (transmit). */
export interface SubmitOrder {
  readonly type: 'SubmitOrder';
  readonly ts: number;
  readonly order: OrderRequest;
}

/** Cancel a working order. */
export interface CancelOrder {
  readonly type: 'CancelOrder';
  readonly ts: number;
  readonly clientOrderId: ClientOrderId;
}

/** Change quantity and/or limit price of a working order. */
export interface ReplaceOrder {
  readonly type: 'ReplaceOrder';
  readonly ts: number;
  readonly clientOrderId: ClientOrderId;
  readonly quantity: number;
  readonly limitPrice: Micros | null;
}

/** A structured log line: every risk decision, illegal transition, duplicate execution ... goes out as one. */
export interface LogRecord {
  readonly type: 'LogRecord';
  readonly ts: number;
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** SCREAMING_SNAKE code, e.g. RISK_APPROVED, RISK_MAX_POSITION, ORDER_ILLEGAL_TRANSITION. */
  readonly code: string;
  readonly message: string;
  readonly context: Readonly<Record<string, string | number | boolean | null>>;
}
