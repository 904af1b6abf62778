import {
  applyExecution,
  applyOrderStatus,
  createOrderManagerState,
  registerOrder,
  requestCancel,
  requestReplace,
} from '../orders/index.js';
import type { OrderManagerState, OrderNotice } from '../orders/index.js';
import { toMicros, type Micros } from '../money/money.js';
import * as portfolio from '../portfolio/index.js';
import type { PortfolioState } from '../portfolio/index.js';
import type { Broker, BrokerReport } from '../trading/Broker.js';
import type { ClientOrderId, StrategyId } from '../trading/ids.js';
import type { OrderRecord, OrderRequest } from '../trading/types.js';

/**
 * The engine's side of a broker, reduced to what broker tests need: the real order manager and portfolio fed with
 * the broker's reports exactly as `core/engine/onBrokerEvent.ts` does (executions de-duplicated and corrected by
 * the order manager, then reversed and applied in the portfolio). Used by the shared broker contract test and the
 * IB adapter's tests, so both brokers are judged by the same state machine.
 */
export class EngineSide {
  readonly orders: OrderManagerState = createOrderManagerState();
  readonly portfolio: PortfolioState;
  readonly reports: BrokerReport[] = [];
  readonly notices: OrderNotice[] = [];
  private readonly broker: Broker;

  constructor(broker: Broker, strategies: readonly StrategyId[]) {
    this.broker = broker;
    this.portfolio = portfolio.createPortfolio(toMicros(1_000_000), strategies);
    broker.onReport((report) => this.apply(report));
  }

  /** Registers the order with the order manager, then sends it (the engine's SubmitOrder). */
  place(request: OrderRequest, ts: number): void {
    registerOrder(this.orders, request, ts);
    this.broker.placeOrder(request, ts);
  }

  /** Marks the order PENDING_CANCEL and sends the cancel only when the order manager allows it (the engine's rule). */
  cancel(id: ClientOrderId, ts: number): void {
    const update = requestCancel(this.orders, id, ts);
    this.notices.push(...update.notices);
    if (update.outcome === 'APPLIED') this.broker.cancelOrder(id, ts);
  }

  /** New total quantity / limit through the order manager, sent only when it allows it (the engine's rule). */
  modify(id: ClientOrderId, quantity: number, limitPrice: Micros | null, ts: number): void {
    const update = requestReplace(this.orders, id, quantity, limitPrice, ts);
    this.notices.push(...update.notices);
    if (update.outcome === 'APPLIED') this.broker.modifyOrder(id, quantity, limitPrice, ts);
  }

  order(id: string): OrderRecord {
    const record = this.orders.orders.get(id);
    if (!record) throw new Error(`no order ${id} in the order manager`);
    return record;
  }

  position(ticker: string): number {
    return portfolio.positionQuantity(this.portfolio, ticker);
  }

  /** Notice codes seen so far (ORDER_ILLEGAL_TRANSITION, ORDER_DUPLICATE_EXECUTION, ...). */
  noticeCodes(): string[] {
    return this.notices.map((notice) => notice.code);
  }

  private apply(report: BrokerReport): void {
    this.reports.push(report);
    if (report.type === 'OrderStatusReported') {
      this.notices.push(...applyOrderStatus(this.orders, report).notices);
      return;
    }
    const update = applyExecution(this.orders, report);
    this.notices.push(...update.notices);
    if (update.strategy === null) return;
    for (const execution of update.removed) portfolio.reverseExecution(this.portfolio, update.strategy, execution);
    for (const execution of update.added) portfolio.applyExecution(this.portfolio, update.strategy, execution);
  }
}
