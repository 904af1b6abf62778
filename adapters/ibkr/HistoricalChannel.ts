import { classifyIbError, type IbErrorClass } from '../../core/ibkr/classifyIbError.js';
import type { Clock } from '../../core/ibkr/Clock.js';
import type { IbHistoricalQuery, IbHistoricalRow } from './connectionTypes.js';
import type { IbConnection } from './IbConnection.js';

/** How one historical request ended. */
export type RequestOutcome =
  | { readonly kind: 'rows'; readonly rows: readonly IbHistoricalRow[] }
  | { readonly kind: 'error'; readonly code: number; readonly message: string; readonly class: IbErrorClass }
  | { readonly kind: 'timeout' }
  /** The connection dropped, or IB said data was lost (1101): the request never completed; send it again. */
  | { readonly kind: 'interrupted'; readonly reason: string };

interface Pending {
  readonly rows: IbHistoricalRow[];
  readonly finish: (outcome: RequestOutcome) => void;
}

/**
 * Historical requests over one connection: correlates rows, end markers and errors by request id, enforces a
 * per-request timeout (then cancels, so a late 162 "query cancelled" or 366 finds nothing and is ignored), and
 * ends every open request as `interrupted` when the connection drops or IB reports 1101. Between 1100 and
 * 1101/1102 the link to IB is down: `linkUp()` resolves when it is back.
 */
export class HistoricalChannel {
  private readonly connection: IbConnection;
  private readonly clock: Clock;
  private readonly pending = new Map<number, Pending>();
  private readonly unsubscribe: () => void;
  private linkWaiters: (() => void)[] = [];
  private linkIsDown = false;
  /** Errors that arrived for requests no longer open (after a timeout or cancel), by code. */
  readonly lateErrors = new Map<number, number>();

  constructor(connection: IbConnection, clock: Clock) {
    this.connection = connection;
    this.clock = clock;
    this.unsubscribe = connection.subscribe({
      historicalRow: (reqId, row) => this.pending.get(reqId)?.rows.push(row),
      historicalEnd: (reqId) => {
        const open = this.pending.get(reqId);
        open?.finish({ kind: 'rows', rows: open.rows });
      },
      requestError: (reqId, code, message) => this.handleError(reqId, code, message),
      notice: (code) => this.handleNotice(code),
      down: (reason) => this.interruptAll(`connection lost: ${reason}`),
      ready: () => {
        // A new connection starts with the link up; 1100 would arrive again if it were not.
        this.linkIsDown = false;
        this.releaseLinkWaiters();
      },
    });
  }

  /** True between 1100 (IB unreachable from the gateway) and 1101/1102. */
  get linkDown(): boolean {
    return this.linkIsDown;
  }

  /** Resolves when the gateway's link to IB is up (at once when it is). */
  linkUp(): Promise<void> {
    if (!this.linkIsDown) return Promise.resolve();
    return new Promise((resolve) => this.linkWaiters.push(resolve));
  }

  /** Requests currently open. */
  get openCount(): number {
    return this.pending.size;
  }

  /** Sends one request and resolves with how it ended; never rejects. */
  request(reqId: number, query: IbHistoricalQuery, timeoutMs: number): Promise<RequestOutcome> {
    const release = this.clock.hold();
    const deadline = new AbortController();
    return new Promise<RequestOutcome>((resolve) => {
      const finish = (outcome: RequestOutcome): void => {
        if (this.pending.get(reqId)?.finish !== finish) return;
        this.pending.delete(reqId);
        deadline.abort();
        release();
        resolve(outcome);
      };
      this.pending.set(reqId, { rows: [], finish });
      this.clock.sleep(timeoutMs, deadline.signal).then(
        () => {
          if (!this.pending.has(reqId)) return;
          this.connection.cancelHistorical(reqId);
          finish({ kind: 'timeout' });
        },
        () => undefined,
      );
      if (!this.connection.requestHistorical(reqId, query)) finish({ kind: 'interrupted', reason: 'not connected' });
    });
  }

  /** Stops listening; open requests end as interrupted. */
  dispose(): void {
    this.unsubscribe();
    this.interruptAll('the fetch stopped');
    this.releaseLinkWaiters();
  }

  private handleError(reqId: number, code: number, message: string): void {
    const open = this.pending.get(reqId);
    const classified = classifyIbError(code, message);
    if (!open) {
      this.lateErrors.set(code, (this.lateErrors.get(code) ?? 0) + 1);
      return;
    }
    // Warnings tied to a request (time-zone notices and the like) do not end it.
    if (classified.kind === 'ignore') return;
    open.finish({ kind: 'error', code, message, class: classified });
  }

  private handleNotice(code: number): void {
    if (code === 1100 || code === 2110) {
      this.linkIsDown = true;
      return;
    }
    if (code === 1101 || code === 1102) {
      // 1101: the gateway lost our requests with the data; 1102 kept them.
      if (code === 1101) {
        for (const reqId of this.pending.keys()) this.connection.cancelHistorical(reqId);
        this.interruptAll('IB reported 1101 (connectivity restored, data lost)');
      }
      this.linkIsDown = false;
      this.releaseLinkWaiters();
    }
  }

  private interruptAll(reason: string): void {
    for (const open of [...this.pending.values()]) open.finish({ kind: 'interrupted', reason });
  }

  private releaseLinkWaiters(): void {
    const waiters = this.linkWaiters;
    this.linkWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
