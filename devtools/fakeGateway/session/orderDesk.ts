import { commissionReportMessage, executionMessage } from '../encode/executionMessages.js';
import { openOrderMessage, orderStatusMessage } from '../encode/orderMessages.js';
import { positionMessage } from '../encode/accountMessages.js';
import { errorMessage } from '../encode/systemMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { formatIbDateTime } from '../market/ibTime.js';
import type { Field } from '../protocol/fields.js';
import { applyFill, applyPriceCorrection, commissionFor } from '../state/accounting.js';
import type { FillOptions } from '../state/fillPolicy.js';
import type { ExecutionRecord, OrderRecord } from '../state/GatewayState.js';
import type { GatewayContext } from './GatewayContext.js';

const DEFAULT_PRICE = 100;

/** True while an order can still fill or be cancelled. */
export function isActive(order: OrderRecord): boolean {
  return order.status === 'PreSubmitted' || order.status === 'Submitted' || order.status === 'Inactive';
}

/**
 * The order flow: what TWS sends as an order is accepted, fills, is corrected, cancelled or rejected. Messages go
 * to the connections of the order's client id (none while it is disconnected: the state keeps everything for
 * reqOpenOrders and reqExecutions, as TWS does).
 */
export class OrderDesk {
  private readonly context: GatewayContext;

  constructor(context: GatewayContext) {
    this.context = context;
  }

  /** Sends a message to the order owner's connections. */
  toOwner(order: OrderRecord, fields: readonly Field[]): void {
    for (const session of this.context.sessions()) {
      if (session.clientId === order.clientId) session.send(fields);
    }
  }

  /** The OPEN_ORDER fields of an order (for replays). */
  openOrderFields(order: OrderRecord): Field[] {
    return openOrderMessage(order);
  }

  /** The ORDER_STATUS fields of an order (for replays). */
  statusFields(order: OrderRecord): Field[] {
    return orderStatusMessage(order);
  }

  /** openOrder then orderStatus (twice with the duplicateStatus quirk). */
  announce(order: OrderRecord, withStatus = true): void {
    this.toOwner(order, openOrderMessage(order));
    if (withStatus) this.status(order);
  }

  /** orderStatus (twice with the duplicateStatus quirk). */
  status(order: OrderRecord): void {
    this.toOwner(order, orderStatusMessage(order));
    if (this.options(order).duplicateStatus) this.toOwner(order, orderStatusMessage(order));
  }

  /** Accepts a new transmitted order and applies its policy: PreSubmitted, Submitted, then fills, rest or reject. */
  submit(order: OrderRecord): void {
    const policy = order.policy;
    if (policy.kind === 'reject') {
      order.status = 'Cancelled';
      this.toOwner(
        order,
        errorMessage(
          order.orderId,
          ErrorCode.ORDER_REJECTED,
          ErrorText.orderRejected(policy.reason ?? 'rejected by the fake gateway'),
        ),
      );
      this.status(order);
      return;
    }
    order.status = 'PreSubmitted';
    this.announce(order);
    order.status = 'Submitted';
    this.announce(order);
    if (policy.kind === 'fill') this.fill(order, order.totalQuantity, policy.price);
    if (policy.kind === 'partial') this.fillInSteps(order, [...policy.quantities], policy.price);
  }

  /** Fills up to `quantity` of an active order at `price` (default: limit price, else the fixture price). */
  fill(order: OrderRecord, quantity: number, price?: number): ExecutionRecord | undefined {
    const shares = Math.min(quantity, order.totalQuantity - order.filled);
    if (!isActive(order) || shares <= 0) return undefined;
    const fillPrice = price ?? this.marketPrice(order);
    const options = this.options(order);
    const commission = commissionFor(shares, fillPrice, options.commissionPerShare);
    const signed = order.action === 'BUY' ? shares : -shares;
    const { position, realizedPnl } = applyFill(
      this.context.state,
      order.account,
      order.contract,
      signed,
      fillPrice,
      commission,
    );
    order.avgFillPrice = (order.avgFillPrice * order.filled + fillPrice * shares) / (order.filled + shares);
    order.filled += shares;
    order.lastFillPrice = fillPrice;
    if (order.filled === order.totalQuantity) order.status = 'Filled';
    const execution = this.record(order, shares, fillPrice, commission, realizedPnl, undefined);
    this.toOwner(order, executionMessage(-1, execution, this.formatTime));
    if (!options.noStatusOnFill) {
      if (order.status === 'Filled') this.toOwner(order, openOrderMessage(order));
      this.status(order);
    }
    this.sendCommission(order, execution, options.commissionDelayMs ?? 0);
    this.publishPosition(position);
    if (order.status === 'Filled' && options.correctLastFill) {
      this.correct(order, execution, options.correctLastFill.price);
    }
    return execution;
  }

  /** Cancels an active order: orderStatus Cancelled, then error 202 with the order id. */
  cancel(order: OrderRecord): void {
    order.status = 'Cancelled';
    this.status(order);
    this.toOwner(order, errorMessage(order.orderId, ErrorCode.ORDER_CANCELLED, ErrorText.orderCancelled));
  }

  /** Clock time as TWS writes execution times. */
  readonly formatTime = (utcMs: number): string => formatIbDateTime(utcMs, this.context.config.zone);

  private fillInSteps(order: OrderRecord, quantities: number[], price: number | undefined): void {
    const next = quantities.shift();
    if (next === undefined) return;
    this.fill(order, next, price);
    const delay = this.options(order).stepDelayMs ?? 0;
    if (delay > 0) setTimeout(() => this.fillInSteps(order, quantities, price), delay);
    else this.fillInSteps(order, quantities, price);
  }

  /** A correction: same execId with the last part raised, the new price, the same shares; cost and cash follow. */
  private correct(order: OrderRecord, original: ExecutionRecord, price: number): void {
    const parts = original.execId.split('.');
    const revision = Number(parts[parts.length - 1]) + 1;
    parts[parts.length - 1] = String(revision).padStart(2, '0');
    const signed = order.action === 'BUY' ? original.shares : -original.shares;
    const position = applyPriceCorrection(
      this.context.state,
      order.account,
      order.contract.symbol,
      signed,
      original.price,
      price,
    );
    const previousCost = order.avgFillPrice * order.filled;
    order.avgFillPrice = (previousCost - original.price * original.shares + price * original.shares) / order.filled;
    order.lastFillPrice = price;
    const execution: ExecutionRecord = {
      ...original,
      execId: parts.join('.'),
      price,
      avgPrice: order.avgFillPrice,
      timeMs: this.context.clock.now(),
      corrects: original.execId,
    };
    this.context.state.executions.push(execution);
    this.toOwner(order, executionMessage(-1, execution, this.formatTime));
    this.sendCommission(order, execution, 0);
    if (position) this.publishPosition(position);
  }

  private record(
    order: OrderRecord,
    shares: number,
    price: number,
    commission: number,
    realizedPnl: number | undefined,
    corrects: string | undefined,
  ): ExecutionRecord {
    const execution: ExecutionRecord = {
      execId: this.context.state.allocateExecId(),
      orderId: order.orderId,
      clientId: order.clientId,
      permId: order.permId,
      account: order.account,
      contract: order.contract,
      side: order.action === 'BUY' ? 'BOT' : 'SLD',
      shares,
      price,
      cumQty: order.filled,
      avgPrice: order.avgFillPrice,
      timeMs: this.context.clock.now(),
      orderRef: order.orderRef,
      commission,
      realizedPnl,
      corrects,
    };
    this.context.state.executions.push(execution);
    return execution;
  }

  private sendCommission(order: OrderRecord, execution: ExecutionRecord, delayMs: number): void {
    const send = (): void =>
      this.toOwner(order, commissionReportMessage(execution.execId, execution.commission, execution.realizedPnl));
    if (delayMs > 0) setTimeout(send, delayMs);
    else send();
  }

  private publishPosition(position: Parameters<typeof positionMessage>[0]): void {
    for (const session of this.context.sessions()) {
      if (session.positionsSubscribed) session.send(positionMessage(position));
    }
  }

  private marketPrice(order: OrderRecord): number {
    if (order.orderType === 'LMT' && order.lmtPrice !== undefined) return order.lmtPrice;
    return this.context.bars.priceAt(order.contract.symbol, this.context.clock.now()) ?? DEFAULT_PRICE;
  }

  private options(order: OrderRecord): FillOptions {
    return order.policy.kind === 'reject' ? {} : order.policy;
  }
}
