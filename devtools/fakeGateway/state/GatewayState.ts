import type { FillPolicy } from './fillPolicy.js';

/** Order statuses TWS reports (orderStatus.status and openOrder's orderState.status). */
export type OrderStatusText =
  'PreSubmitted' | 'Submitted' | 'Filled' | 'Cancelled' | 'Inactive' | 'PendingCancel' | 'ApiCancelled';

/** The contract of an order or position, reduced to what a US stock needs. */
export interface StockContract {
  readonly conId: number;
  readonly symbol: string;
  readonly exchange: string;
  readonly primaryExchange: string;
  readonly currency: string;
}

/** One order as the gateway holds it. */
export interface OrderRecord {
  readonly orderId: number;
  readonly clientId: number;
  readonly permId: number;
  account: string;
  contract: StockContract;
  action: 'BUY' | 'SELL';
  totalQuantity: number;
  orderType: string;
  lmtPrice: number | undefined;
  auxPrice: number | undefined;
  tif: string;
  orderRef: string;
  transmit: boolean;
  outsideRth: boolean;
  parentId: number;
  status: OrderStatusText;
  filled: number;
  avgFillPrice: number;
  lastFillPrice: number;
  readonly policy: FillPolicy;
}

/** One execution (fill), kept for reqExecutions replay and commission reports. */
export interface ExecutionRecord {
  readonly execId: string;
  readonly orderId: number;
  readonly clientId: number;
  readonly permId: number;
  readonly account: string;
  readonly contract: StockContract;
  /** BOT or SLD, as IB writes the side of an execution. */
  readonly side: 'BOT' | 'SLD';
  readonly shares: number;
  readonly price: number;
  readonly cumQty: number;
  readonly avgPrice: number;
  readonly timeMs: number;
  readonly orderRef: string;
  readonly commission: number;
  /** Realized P&L of the fill net of commission (undefined for an opening fill), as its commission report says. */
  readonly realizedPnl: number | undefined;
  /** The execId this one corrects (same prefix, higher suffix), when it is a correction. */
  readonly corrects: string | undefined;
}

/** A position of one account in one stock. */
export interface PositionRecord {
  readonly account: string;
  readonly contract: StockContract;
  quantity: number;
  avgCost: number;
}

/** Starting cash of every account. */
export const STARTING_CASH = 1_000_000;

/**
 * The gateway's shared book: orders of every client, executions, positions and cash per account. Lives as long as
 * the gateway, so it survives dropped connections the way TWS keeps orders across API reconnects.
 */
export class GatewayState {
  private nextOrderId: number;
  private nextPermId = 1_000_000_001;
  private executionCount = 0;
  readonly orders = new Map<number, OrderRecord>();
  readonly executions: ExecutionRecord[] = [];
  readonly positions = new Map<string, PositionRecord>();
  readonly cash = new Map<string, number>();

  constructor(firstOrderId: number, accounts: readonly string[]) {
    this.nextOrderId = firstOrderId;
    for (const account of accounts) this.cash.set(account, STARTING_CASH);
  }

  /** The next valid order id: above every id used so far by any client. */
  nextOrderIdFor(_clientId: number): number {
    return this.nextOrderId;
  }

  /** Notes that an order id was used, so later nextValidId answers exceed it. */
  useOrderId(orderId: number): void {
    if (orderId >= this.nextOrderId) this.nextOrderId = orderId + 1;
  }

  /** A new permanent id (TWS's own order id, unique across clients). */
  allocatePermId(): number {
    const permId = this.nextPermId;
    this.nextPermId += 1;
    return permId;
  }

  /** A new execution id in IB's form `0000e0d5.<8 hex digits>.01.01`; the last part is the correction number. */
  allocateExecId(): string {
    this.executionCount += 1;
    return `0000e0d5.${this.executionCount.toString(16).padStart(8, '0')}.01.01`;
  }

  /** Position key of an account and a symbol. */
  static positionKey(account: string, symbol: string): string {
    return `${account}|${symbol}`;
  }
}
