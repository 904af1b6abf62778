import { EventName } from '@stoqey/ib';
import type { Contract, IBApi } from '@stoqey/ib';
import type { IbConnection } from '../IbConnection.js';

/** A position as IB reports it (average cost in dollars per share, commissions included). */
export interface IbPosition {
  readonly account: string;
  readonly ticker: string;
  readonly quantity: number;
  readonly averageCost: number;
}

/** One account-summary value (`NetLiquidation`, `BuyingPower`, ...). */
export interface IbAccountValue {
  readonly value: string;
  readonly currency: string;
}

const SUMMARY_TAGS = 'NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds,GrossPositionValue,MaintMarginReq';
const STEPS = ['openOrders', 'executions', 'positions', 'accountSummary'] as const;
type Step = (typeof STEPS)[number];

/**
 * What the broker account holds, asked for again at every start-up of the connection (the first and every
 * reconnect) and after 1101 (data lost): open orders (their statuses flow to the broker's status handler),
 * executions of this client id (fills missed while disconnected flow to the broker's execution handler, where
 * duplicates are dropped), positions (a live subscription kept in `positions`) and the account summary.
 * `whenReconciled()` resolves once all four answers of the latest round have ended.
 */
export class Reconciliation {
  private readonly connection: IbConnection;
  private readonly positionMap = new Map<string, IbPosition>();
  private readonly accountMap = new Map<string, IbAccountValue>();
  private pending = new Set<Step>();
  private waiters: (() => void)[] = [];
  private api: IBApi | undefined;
  private roundCount = 0;
  private readonly stop: () => void;
  private executionsReqId = -1;
  private summaryReqId = -1;

  constructor(connection: IbConnection) {
    this.connection = connection;
    this.stop = connection.subscribe({
      notice: (code) => {
        if (code === 1101 && this.api) this.start(this.api);
      },
      down: () => {
        this.api = undefined;
      },
    });
  }

  /** Rounds started (one per start-up and per 1101). */
  get rounds(): number {
    return this.roundCount;
  }

  /** Positions by `account|ticker` (closed positions stay with quantity 0, as IB reports them). */
  positions(): ReadonlyMap<string, IbPosition> {
    return this.positionMap;
  }

  /** Account-summary values by `account|tag`. */
  accountSummary(): ReadonlyMap<string, IbAccountValue> {
    return this.accountMap;
  }

  /** Resolves when the latest round has all its answers (at once when none is running). */
  whenReconciled(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** A new round on a freshly started client (called by the broker for every start-up). */
  start(api: IBApi): void {
    if (this.api !== api) this.listen(api);
    this.api = api;
    this.roundCount += 1;
    this.pending = new Set(STEPS);
    this.executionsReqId = this.connection.nextRequestId();
    this.summaryReqId = this.connection.nextRequestId();
    // Orders first, then executions (IB's advice: executions after open orders), then the account.
    api.reqOpenOrders();
    api.reqExecutions(this.executionsReqId, { clientId: String(this.connection.settings.clientId) });
    api.reqPositions();
    api.reqAccountSummary(this.summaryReqId, 'All', SUMMARY_TAGS);
  }

  close(): void {
    this.stop();
  }

  private listen(api: IBApi): void {
    api.on(EventName.openOrderEnd, () => this.done('openOrders'));
    api.on(EventName.execDetailsEnd, (reqId: number) => {
      if (reqId === this.executionsReqId) this.done('executions');
    });
    api.on(EventName.position, (account: string, contract: Contract, pos: number, avgCost?: number) => {
      const ticker = contract.symbol ?? '';
      this.positionMap.set(`${account}|${ticker}`, { account, ticker, quantity: pos, averageCost: avgCost ?? 0 });
    });
    api.on(EventName.positionEnd, () => this.done('positions'));
    api.on(
      EventName.accountSummary,
      (_reqId: number, account: string, tag: string, value: string, currency: string) => {
        this.accountMap.set(`${account}|${tag}`, { value, currency });
      },
    );
    api.on(EventName.accountSummaryEnd, (reqId: number) => {
      if (reqId !== this.summaryReqId) return;
      api.cancelAccountSummary(reqId);
      this.done('accountSummary');
    });
  }

  private done(step: Step): void {
    if (!this.pending.delete(step) || this.pending.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
