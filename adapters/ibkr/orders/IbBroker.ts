import { EventName } from '@stoqey/ib';
import type { CommissionReport, Contract, Execution as IbExecution, IBApi, Order } from '@stoqey/ib';
import { ExecutionMatcher } from '../../../core/ibkr/ExecutionMatcher.js';
import { engineStatusOf, parseIbTime } from '../../../core/ibkr/ibOrderFacts.js';
import type { Clock } from '../../../core/ibkr/Clock.js';
import type { Micros } from '../../../core/money/money.js';
import type { Broker, BrokerReport } from '../../../core/trading/Broker.js';
import { brokerOrderId, clientOrderId as asClientOrderId, type ClientOrderId } from '../../../core/trading/ids.js';
import { OrderStatus, type Execution, type OrderRequest } from '../../../core/trading/types.js';
import { onEveryApi, readyApi } from '../apiHook.js';
import type { IbConnection } from '../IbConnection.js';
import { ibOrderOf, stockContract } from './ibOrderOf.js';
import { Reconciliation } from './Reconciliation.js';

export interface IbBrokerOptions {
  /** Account for orders; default the first of managedAccounts. */
  readonly account?: string;
  /** How long an execution waits for its commissionReport before it goes out with zero commission. */
  readonly commissionWaitMs?: number;
}

export interface IbBrokerDeps {
  readonly clock: Clock;
  readonly log?: (line: string) => void;
}

/** One order as the adapter tracks it: its IB order id never changes, across reconnects too. */
interface TrackedOrder {
  readonly request: OrderRequest;
  readonly ibOrderId: number;
  quantity: number;
  limitPrice: Micros | null;
  /** The client (socket) the order was first sent on. */
  readonly sentOn: IBApi;
  /** TWS said anything about it (openOrder, orderStatus, an execution or an error). */
  heard: boolean;
}

// TWS errors on an order id that mean the order is not working (anything else on an order id is logged only).
const REJECTING_CODES: ReadonlySet<number> = new Set([103, 110, 200, 201, 203, 321]);

/**
 * The Interactive Brokers broker behind the engine's `Broker` interface. Order ids are allocated locally from
 * nextValidId (never `reqIds` per order) and kept with the client order id in a map that lives as long as this
 * object, so a reconnect changes nothing; the client order id also travels as `orderRef`. Executions are the only
 * source of fills (IB's `Filled` status is not forwarded); duplicates and corrections are sorted by
 * `ExecutionMatcher`; statuses are forwarded as they come and the order manager rejects stale or illegal ones.
 * After every reconnect `Reconciliation` asks for open orders, executions, positions and the account summary.
 */
export class IbBroker implements Broker {
  readonly reconciliation: Reconciliation;
  private readonly connection: IbConnection;
  private readonly options: IbBrokerOptions;
  private readonly deps: IbBrokerDeps;
  private readonly orders = new Map<ClientOrderId, TrackedOrder>();
  private readonly byIbId = new Map<number, ClientOrderId>();
  private readonly matcher = new ExecutionMatcher();
  private readonly listeners = new Set<(report: BrokerReport) => void>();
  private readonly stops: (() => void)[] = [];
  /** Cancels and modifications asked for while disconnected: sent at the next ready (both are idempotent). */
  private readonly deferred = new Map<ClientOrderId, () => void>();
  private nextOrderId = 0;
  private newOrdersSent = 0;

  constructor(connection: IbConnection, options: IbBrokerOptions, deps: IbBrokerDeps) {
    this.connection = connection;
    this.options = options;
    this.deps = deps;
    this.reconciliation = new Reconciliation(connection);
    this.stops.push(onEveryApi(connection, (api) => this.attach(api)));
  }

  /** New orders sent to IB (modifications not counted): a test compares it with what the gateway received. */
  get ordersSent(): number {
    return this.newOrdersSent;
  }

  /** The IB order id behind a client order id. */
  ibOrderIdOf(id: ClientOrderId): number | undefined {
    return this.orders.get(id)?.ibOrderId;
  }

  onReport(listener: (report: BrokerReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  placeOrder(order: OrderRequest, ts: number): void {
    const api = readyApi(this.connection);
    if (this.orders.has(order.clientOrderId)) {
      return this.reject(order.clientOrderId, ts, `DUPLICATE_ORDER_ID: clientOrderId=${order.clientOrderId}`);
    }
    // Not queued: an order held through an outage could go out long after the decision that made it.
    if (!api) return this.reject(order.clientOrderId, ts, `IB_NOT_CONNECTED: state=${this.connection.state}`);
    const ibOrderId = this.allocateOrderId();
    const tracked: TrackedOrder = {
      request: order,
      ibOrderId,
      quantity: order.quantity,
      limitPrice: order.limitPrice,
      sentOn: api,
      heard: false,
    };
    this.orders.set(order.clientOrderId, tracked);
    this.byIbId.set(ibOrderId, order.clientOrderId);
    this.newOrdersSent += 1;
    api.placeOrder(ibOrderId, stockContract(order.ticker), this.ibOrder(tracked));
  }

  cancelOrder(id: ClientOrderId, _ts: number): void {
    const tracked = this.orders.get(id);
    if (!tracked) return this.log(`cancel of unknown order ${id} ignored`);
    this.sendOrDefer(id, (api) => api.cancelOrder(tracked.ibOrderId));
  }

  modifyOrder(id: ClientOrderId, quantity: number, limitPrice: Micros | null, _ts: number): void {
    const tracked = this.orders.get(id);
    if (!tracked) return this.log(`modification of unknown order ${id} ignored`);
    tracked.quantity = quantity;
    if (limitPrice !== null) tracked.limitPrice = limitPrice;
    // Modify = placeOrder with the same id and the whole order.
    this.sendOrDefer(id, (api) =>
      api.placeOrder(tracked.ibOrderId, stockContract(tracked.request.ticker), this.ibOrder(tracked)),
    );
  }

  close(): void {
    this.reconciliation.close();
    for (const stop of this.stops.splice(0)) stop();
  }

  private ibOrder(tracked: TrackedOrder): Order {
    const account = this.options.account ?? this.connection.accounts[0];
    return ibOrderOf(tracked.request, tracked.quantity, tracked.limitPrice, account);
  }

  /** nextValidId of the latest start-up, or past the last id we used, whichever is higher: ids only go up. */
  private allocateOrderId(): number {
    this.nextOrderId = Math.max(this.nextOrderId, this.connection.nextValidOrderId);
    return this.nextOrderId++;
  }

  private sendOrDefer(id: ClientOrderId, send: (api: IBApi) => void): void {
    const api = readyApi(this.connection);
    if (api) send(api);
    else this.deferred.set(id, () => this.sendOrDefer(id, send));
  }

  private attach(api: IBApi): void {
    this.nextOrderId = Math.max(this.nextOrderId, this.connection.nextValidOrderId);
    api.on(EventName.orderStatus, (ibOrderId: number, status: string) => this.onStatus(ibOrderId, status));
    api.on(EventName.openOrder, (ibOrderId: number, _contract: Contract, order: Order) => {
      this.learn(ibOrderId, order.orderRef);
    });
    api.on(EventName.execDetails, (_reqId: number, contract: Contract, execution: IbExecution) =>
      this.onExecution(execution, contract),
    );
    api.on(EventName.commissionReport, (report: CommissionReport) => {
      if (report.execId === undefined) return;
      const execution = this.matcher.addCommission(report.execId, report.commission ?? 0);
      if (execution) this.emitExecution(execution);
    });
    api.on(EventName.error, (error: Error, code: number, id: number) => this.onOrderError(id, code, error.message));
    const deferred = [...this.deferred.values()];
    this.deferred.clear();
    for (const send of deferred) send();
    this.reconciliation.start(api);
    void this.reconciliation.whenReconciled().then(() => this.findLostOrders(api));
  }

  /**
   * After a reconnect's reconciliation (open orders, then executions): an order sent on an earlier socket that TWS
   * never mentioned, and does not list now, never reached it (the socket died with the message in it). It is
   * reported REJECTED so the engine stops counting it as working; it is never re-sent (that could duplicate it).
   */
  private findLostOrders(api: IBApi): void {
    if (readyApi(this.connection) !== api) return; // another drop since: the next round decides
    for (const [id, tracked] of this.orders) {
      if (tracked.heard || tracked.sentOn === api) continue;
      tracked.heard = true;
      this.reject(
        id,
        this.deps.clock.now(),
        `IB_ORDER_LOST: IB order ${tracked.ibOrderId} was sent before the connection dropped and TWS does not know it`,
      );
    }
  }

  /** An order id we do not know but whose orderRef is one of ours (after a restart). */
  private learn(ibOrderId: number, orderRef: string | undefined): ClientOrderId | undefined {
    let id = this.byIbId.get(ibOrderId);
    if (id === undefined && orderRef !== undefined && this.orders.has(asClientOrderId(orderRef))) {
      id = asClientOrderId(orderRef);
      this.byIbId.set(ibOrderId, id);
    }
    if (id !== undefined) this.markHeard(id);
    return id;
  }

  private markHeard(id: ClientOrderId): void {
    const tracked = this.orders.get(id);
    if (tracked) tracked.heard = true;
  }

  private onStatus(ibOrderId: number, ibStatus: string): void {
    const id = this.learn(ibOrderId, undefined);
    const status = engineStatusOf(ibStatus);
    if (id === undefined || status === null) return;
    this.emit({
      type: 'OrderStatusReported',
      ts: this.deps.clock.now(),
      clientOrderId: id,
      brokerOrderId: brokerOrderId(String(ibOrderId)),
      status,
      reason: null,
    });
  }

  private onOrderError(ibOrderId: number, code: number, message: string): void {
    const id = this.learn(ibOrderId, undefined);
    if (id === undefined) return;
    if (!REJECTING_CODES.has(code)) return this.log(`order ${id} (IB ${ibOrderId}): ${code} ${message}`);
    this.emit({
      type: 'OrderStatusReported',
      ts: this.deps.clock.now(),
      clientOrderId: id,
      brokerOrderId: brokerOrderId(String(ibOrderId)),
      status: OrderStatus.REJECTED,
      reason: `IB_${code}: ${message}`,
    });
  }

  private onExecution(execution: IbExecution, contract: Contract): void {
    const { execId, orderId, shares, price, side } = execution;
    if (execId === undefined || shares === undefined || price === undefined || contract.symbol === undefined) return;
    const id = this.learn(orderId ?? -1, execution.orderRef);
    if (id === undefined) return this.log(`execution ${execId} of an order not placed by this broker ignored`);
    const outcome = this.matcher.addFill({
      execId,
      clientOrderId: id,
      ticker: contract.symbol,
      side: side === 'SLD' ? 'SELL' : 'BUY',
      shares,
      price,
      ts: parseIbTime(execution.time ?? '') ?? this.deps.clock.now(),
    });
    if (outcome.kind === 'READY') this.emitExecution(outcome.execution);
    else if (outcome.kind === 'WAITING_FOR_COMMISSION') {
      void this.deps.clock.sleep(this.options.commissionWaitMs ?? 2_000).then(() => {
        const late = this.matcher.expire(execId);
        if (late) {
          this.log(`no commission report for ${execId} within the wait; sent with zero commission`);
          this.emitExecution(late);
        }
      });
    } else this.log(`execution ${execId}: ${outcome.kind.toLowerCase()}, ignored`);
  }

  private emitExecution(execution: Execution): void {
    this.emit({ type: 'ExecutionReported', ts: this.deps.clock.now(), execution });
  }

  private reject(id: ClientOrderId, ts: number, reason: string): void {
    this.emit({ type: 'OrderStatusReported', ts, clientOrderId: id, brokerOrderId: null, status: 'REJECTED', reason });
  }

  private emit(report: BrokerReport): void {
    for (const listener of [...this.listeners]) listener(report);
  }

  private log(line: string): void {
    this.deps.log?.(`ibkr orders: ${line}`);
  }
}
