import { EventName, IBApi, SecType } from '@stoqey/ib';
import { reconnectDelayMs, resetWindowEnd } from '../../core/ibkr/reconnectPolicy.js';
import { RequestIds, isRequestId } from '../../core/ibkr/RequestIds.js';
import type {
  IbConnectionDeps,
  IbConnectionListener,
  IbConnectionSettings,
  IbConnectionState,
  IbHistoricalQuery,
} from './connectionTypes.js';
import { runHeartbeat } from './heartbeat.js';
import { UnsentHolds } from './UnsentHolds.js';
import { IbClientIdInUseError, IbConnectTimeoutError, IbConnectionClosedError, IbUnreachableError } from './errors.js';

/**
 * One API connection to IB Gateway or TWS over @stoqey/ib's event-based IBApi. Ready only after both
 * nextValidId and managedAccounts (the library releases queued requests on nextValidId alone); a connect timeout;
 * a heartbeat that catches a silent socket; after a drop it reconnects by itself with exponential backoff and
 * jitter, waiting out the configured reset windows, and reports `down` then `ready` to listeners.
 */
export class IbConnection {
  readonly settings: IbConnectionSettings;
  private readonly deps: IbConnectionDeps;
  private readonly listeners = new Set<IbConnectionListener>();
  private readonly closing = new AbortController();
  private api: IBApi | undefined;
  private generation = 0;
  private currentState: IbConnectionState = 'idle';
  private readyWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private trafficWaiter: (() => void) | undefined;
  private orderIdStart = 0;
  private accountList: readonly string[] = [];
  private readonly requestIds = new RequestIds();
  private readonly apiAttachers = new Set<(api: IBApi) => void>();
  private readonly unsent: UnsentHolds;

  constructor(settings: IbConnectionSettings, deps: IbConnectionDeps) {
    this.settings = settings;
    this.deps = deps;
    this.unsent = new UnsentHolds(deps.clock);
  }

  get state(): IbConnectionState {
    return this.currentState;
  }

  /** Accounts from managedAccounts. */
  get accounts(): readonly string[] {
    return this.accountList;
  }

  /** The first order id TWS allows (nextValidId of the latest start-up). */
  get nextValidOrderId(): number {
    return this.orderIdStart;
  }

  /** A fresh request id, from a range no order id ever reaches. */
  nextRequestId(): number {
    return this.requestIds.next();
  }

  /**
   * Calls `attach` with the @stoqey/ib client of every connection attempt, right after it is created and before
   * it connects, so start-up messages (open orders, positions) reach the listeners it adds; those listeners go
   * away with that client. For modules of this adapter only (real-time bars, orders): library types stay inside
   * adapters/ibkr. Returns the function that stops further calls.
   */
  onApi(attach: (api: IBApi) => void): () => void {
    this.apiAttachers.add(attach);
    return () => this.apiAttachers.delete(attach);
  }

  /** The client of the current connection when it is ready, else undefined. For modules of this adapter only. */
  readyClient(): IBApi | undefined {
    return this.currentState === 'ready' ? this.api : undefined;
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: IbConnectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the connection; rejects with a typed error naming host:port when the first attempt fails. */
  async connect(): Promise<void> {
    if (this.currentState === 'closed') throw new IbConnectionClosedError(this.settings.host, this.settings.port);
    this.currentState = 'connecting';
    await this.attempt();
    this.becomeReady();
  }

  /** Resolves once the connection is ready (at once when it is); rejects when it is closed first. */
  waitReady(): Promise<void> {
    if (this.currentState === 'ready') return Promise.resolve();
    if (this.currentState === 'closed') {
      return Promise.reject(new IbConnectionClosedError(this.settings.host, this.settings.port));
    }
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Sends reqHistoricalData (formatDate 2: epoch seconds; no keepUpToDate); false when not ready. */
  requestHistorical(reqId: number, query: IbHistoricalQuery): boolean {
    if (this.currentState !== 'ready' || !this.api) return false;
    const contract = { symbol: query.symbol, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
    this.unsent.hold(`20:${reqId}`);
    this.api.reqHistoricalData(
      reqId,
      contract,
      query.endDateTime,
      query.duration,
      query.barSetting as never,
      query.whatToShow as never,
      query.useRth ? 1 : 0,
      2,
      false,
    );
    return true;
  }

  /** Sends cancelHistoricalData when connected (a dropped connection cancelled everything already). */
  cancelHistorical(reqId: number): void {
    if (this.currentState !== 'ready' || !this.api) return;
    this.unsent.hold(`25:${reqId}`);
    this.api.cancelHistoricalData(reqId);
  }

  /** Closes for good: no reconnect, waiters rejected. */
  close(): void {
    if (this.currentState === 'closed') return;
    this.currentState = 'closed';
    this.generation += 1;
    this.closing.abort(new IbConnectionClosedError(this.settings.host, this.settings.port));
    this.dispose();
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const waiter of waiters) waiter.reject(new IbConnectionClosedError(this.settings.host, this.settings.port));
  }

  private emit(call: (listener: IbConnectionListener) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }

  private log(line: string): void {
    this.deps.log?.(`ibkr ${this.settings.host}:${this.settings.port}: ${line}`);
  }

  private dispose(): void {
    const api = this.api;
    this.api = undefined;
    this.unsent.releaseAll();
    if (!api) return;
    api.removeAllListeners();
    // A socket error can still surface after the listeners are gone.
    api.on(EventName.error, () => undefined);
    api.disconnect();
  }

  /** One connection attempt: resolves when nextValidId and managedAccounts have both arrived. */
  private attempt(): Promise<void> {
    const { host, port, clientId, maxReqPerSec, connectTimeoutMs } = this.settings;
    this.dispose();
    const generation = ++this.generation;
    const api = new IBApi({ host, port, clientId, maxReqPerSec });
    this.api = api;
    let orderId: number | undefined;
    let accounts: string[] | undefined;
    const timeout = new AbortController();
    const current = (): boolean => generation === this.generation;
    // The start-up is I/O in flight: a virtual clock must not run the connect timeout down meanwhile.
    const release = this.deps.clock.hold();
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (error: Error): void => {
        if (settled) return;
        settled = true;
        release();
        timeout.abort();
        if (current()) this.dispose();
        reject(error);
      };
      const check = (): void => {
        if (settled || orderId === undefined || accounts === undefined) return;
        settled = true;
        release();
        timeout.abort();
        this.orderIdStart = orderId;
        this.accountList = accounts;
        resolve();
      };
      const missing = (): string[] => [
        ...(orderId === undefined ? ['nextValidId'] : []),
        ...(accounts === undefined ? ['managedAccounts'] : []),
      ];
      this.deps.clock.sleep(connectTimeoutMs, timeout.signal).then(
        () => fail(new IbConnectTimeoutError(host, port, connectTimeoutMs, missing())),
        () => undefined,
      );
      api.on(EventName.nextValidId, (id: number) => {
        orderId = id;
        check();
      });
      api.on(EventName.managedAccounts, (list: string) => {
        accounts = list.split(',').filter((account) => account.length > 0);
        check();
      });
      api.on(EventName.error, (error: Error, code: number, reqId: number) => {
        if (!settled && (code === 502 || code === 504)) return fail(new IbUnreachableError(host, port, error.message));
        if (current()) this.routeError(reqId, code, error.message);
      });
      api.on(EventName.info, (message: string, code: number) => {
        if (!settled && code === 326) return fail(new IbClientIdInUseError(host, port, clientId));
        if (current()) this.emit((listener) => listener.notice?.(code, message));
      });
      api.on(EventName.disconnected, () => {
        if (!settled) {
          return fail(new IbUnreachableError(host, port, 'the gateway closed the connection during start-up'));
        }
        if (current()) this.handleDown('the gateway closed the socket');
      });
      api.on(EventName.sent, (tokens: string[]) => this.unsent.releaseSent(tokens));
      api.on(EventName.received, () => {
        const waiter = this.trafficWaiter;
        this.trafficWaiter = undefined;
        waiter?.();
      });
      api.on(
        EventName.historicalData,
        (reqId: number, time: string, open: number, high: number, low: number, close: number, volume: number) => {
          if (!current()) return;
          if (time.startsWith('finished')) this.emit((listener) => listener.historicalEnd?.(reqId));
          else this.emit((listener) => listener.historicalRow?.(reqId, { time, open, high, low, close, volume }));
        },
      );
      for (const attach of [...this.apiAttachers]) attach(api);
      api.connect(clientId);
    });
  }

  private routeError(reqId: number, code: number, message: string): void {
    if (isRequestId(reqId)) this.emit((listener) => listener.requestError?.(reqId, code, message));
    else this.emit((listener) => listener.notice?.(code, message));
  }

  private becomeReady(): void {
    this.currentState = 'ready';
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const waiter of waiters) waiter.resolve();
    this.emit((listener) => listener.ready?.());
    const generation = this.generation;
    void runHeartbeat({
      clock: this.deps.clock,
      intervalMs: this.settings.heartbeatIntervalMs,
      timeoutMs: this.settings.heartbeatTimeoutMs,
      signal: this.closing.signal,
      isCurrent: () => generation === this.generation && this.api !== undefined,
      probe: () => this.api?.reqCurrentTime(),
      nextTraffic: () => new Promise<void>((resolve) => (this.trafficWaiter = resolve)),
      onSilent: (reason) => this.handleDown(reason),
    });
  }

  private handleDown(reason: string): void {
    if (this.currentState !== 'ready') return;
    this.currentState = 'reconnecting';
    this.generation += 1;
    this.dispose();
    this.log(`connection lost (${reason}); reconnecting`);
    this.emit((listener) => listener.down?.(reason));
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    const { clock, random } = this.deps;
    for (let attempt = 0; this.currentState === 'reconnecting'; attempt++) {
      const now = clock.now();
      const windowEnd = resetWindowEnd(now, this.settings.resetWindows, this.settings.resetZone);
      const backoff = reconnectDelayMs(attempt, this.settings.backoff, random);
      const delay = windowEnd === null ? backoff : windowEnd - now + backoff;
      if (windowEnd !== null) this.log(`inside a reset window until ${new Date(windowEnd).toISOString()}; waiting`);
      try {
        await clock.sleep(delay, this.closing.signal);
        await this.attempt();
      } catch (error) {
        if ((this.currentState as IbConnectionState) === 'closed') return;
        this.log(`reconnect attempt ${attempt + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      this.log(`reconnected after ${attempt + 1} attempt(s)`);
      this.becomeReady();
      return;
    }
  }
}
