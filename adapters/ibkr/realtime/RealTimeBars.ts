import { EventName, SecType } from '@stoqey/ib';
import type { IBApi } from '@stoqey/ib';
import type { Clock } from '../../../core/ibkr/Clock.js';
import { REAL_TIME_BAR_MS, RealTimeBarAggregator } from '../../../core/ibkr/RealTimeBarAggregator.js';
import type { AggregatedBar } from '../../../core/ibkr/RealTimeBarAggregator.js';
import { onEveryApi, readyApi } from '../apiHook.js';
import type { IbConnection } from '../IbConnection.js';

/** How bars are built. */
export interface RealTimeBarsOptions {
  /** Size of the bars handed out (a multiple of 5 s), e.g. 300_000 for 5-minute bars. */
  readonly barMs: number;
  /** Regular trading hours only (the aggregator keeps only the regular session anyway). */
  readonly useRth?: boolean;
  /** How often a bucket whose stream went quiet is checked for completion (0: never; call `flush`). */
  readonly flushIntervalMs?: number;
  /** Wait after a bucket's end before `flush` emits it without its last 5-second bar. */
  readonly graceMs?: number;
}

export interface RealTimeBarsDeps {
  readonly clock: Clock;
  readonly log?: (line: string) => void;
}

/** What is known about one ticker's subscription: the request id of the live one, or null when none is live. */
interface Subscription {
  reqId: number | null;
}

/** Counters a test or a health check can read. */
export interface RealTimeBarsStats {
  /** reqRealTimeBars messages sent, re-subscriptions included. */
  readonly requestsSent: number;
  readonly cancelsSent: number;
  /** Errors TWS tied to a subscription (e.g. 420 pacing, 354 no permission, 200 unknown contract). */
  readonly errors: readonly { readonly ticker: string; readonly code: number; readonly message: string }[];
}

/**
 * 5-second real-time bars per ticker on an IbConnection, aggregated into N-minute bars aligned to the session.
 * Subscriptions are a registry, not fire-and-forget: a dropped socket ends every one of them (the `down` event
 * forgets their request ids) and the next `ready` re-sends them with new ids; error 1101 (connectivity restored,
 * data lost) re-sends them too, cancelling the old ids first; 1102 (data maintained) changes nothing. A ticker
 * is live under exactly one request id at any time, so nothing is subscribed twice. New ids come from the
 * connection's request-id range, disjoint from order ids.
 */
export class RealTimeBars {
  private readonly connection: IbConnection;
  private readonly deps: RealTimeBarsDeps;
  private readonly useRth: boolean;
  private readonly aggregator: RealTimeBarAggregator;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly tickerOf = new Map<number, string>();
  private readonly listeners = new Set<(bar: AggregatedBar) => void>();
  private readonly stops: (() => void)[] = [];
  private readonly closing = new AbortController();
  private requestsSent = 0;
  private cancelsSent = 0;
  private readonly errorLog: { ticker: string; code: number; message: string }[] = [];

  constructor(connection: IbConnection, options: RealTimeBarsOptions, deps: RealTimeBarsDeps) {
    this.connection = connection;
    this.deps = deps;
    this.useRth = options.useRth ?? true;
    this.aggregator = new RealTimeBarAggregator(options.barMs, options.graceMs ?? REAL_TIME_BAR_MS);
    this.stops.push(
      connection.subscribe({
        down: () => this.forgetLive(),
        notice: (code) => {
          if (code === 1101) this.resubscribeAll('1101 (data lost)');
        },
        requestError: (reqId, code, message) => {
          const ticker = this.tickerOf.get(reqId);
          if (ticker === undefined) return;
          this.errorLog.push({ ticker, code, message });
          this.log(`real-time bars ${ticker} (request ${reqId}): error ${code} ${message}`);
        },
      }),
      onEveryApi(connection, (api) => this.attach(api)),
    );
    if ((options.flushIntervalMs ?? 0) > 0) void this.flushLoop(options.flushIntervalMs ?? 0);
  }

  get stats(): RealTimeBarsStats {
    return { requestsSent: this.requestsSent, cancelsSent: this.cancelsSent, errors: [...this.errorLog] };
  }

  /** Tickers subscribed (live or waiting for the connection). */
  get tickers(): readonly string[] {
    return [...this.subscriptions.keys()];
  }

  /** Receives every finished bar (the `BarClosed` event plus how many 5-second bars it was built from). */
  onBar(listener: (bar: AggregatedBar) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts streaming a ticker (at once when connected, else at the next `ready`); a second call does nothing. */
  subscribe(ticker: string): void {
    if (this.subscriptions.has(ticker)) return;
    const subscription: Subscription = { reqId: null };
    this.subscriptions.set(ticker, subscription);
    this.activate(ticker, subscription);
  }

  /** Stops streaming a ticker. */
  unsubscribe(ticker: string): void {
    const subscription = this.subscriptions.get(ticker);
    if (!subscription) return;
    this.subscriptions.delete(ticker);
    this.cancel(subscription);
  }

  /** Emits buckets whose stream went quiet (see RealTimeBarAggregator.flush). */
  flush(nowMs: number = this.deps.clock.now()): void {
    for (const bar of this.aggregator.flush(nowMs)) this.deliver(bar);
  }

  /** Cancels every subscription and stops listening. */
  close(): void {
    this.closing.abort();
    for (const ticker of [...this.subscriptions.keys()]) this.unsubscribe(ticker);
    for (const stop of this.stops.splice(0)) stop();
  }

  private attach(api: IBApi): void {
    api.on(
      EventName.realtimeBar,
      (reqId: number, time: number, open: number, high: number, low: number, close: number, volume: number) => {
        const ticker = this.tickerOf.get(reqId);
        if (ticker === undefined) return; // a cancelled subscription's last bar
        const bars = this.aggregator.push({ ticker, ts: time * 1_000, open, high, low, close, volume });
        for (const bar of bars) this.deliver(bar);
      },
    );
    for (const [ticker, subscription] of this.subscriptions) {
      if (subscription.reqId === null) this.activate(ticker, subscription);
    }
  }

  private activate(ticker: string, subscription: Subscription): void {
    const api = readyApi(this.connection);
    if (!api || subscription.reqId !== null) return;
    const reqId = this.connection.nextRequestId();
    subscription.reqId = reqId;
    this.tickerOf.set(reqId, ticker);
    this.requestsSent += 1;
    const contract = { symbol: ticker, secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
    api.reqRealTimeBars(reqId, contract, 5, 'TRADES' as never, this.useRth, []);
  }

  private cancel(subscription: Subscription): void {
    if (subscription.reqId === null) return;
    this.tickerOf.delete(subscription.reqId);
    const api = readyApi(this.connection);
    if (api) {
      this.cancelsSent += 1;
      api.cancelRealTimeBars(subscription.reqId);
    }
    subscription.reqId = null;
  }

  /** The socket is gone, and every subscription with it. */
  private forgetLive(): void {
    for (const subscription of this.subscriptions.values()) subscription.reqId = null;
    this.tickerOf.clear();
  }

  private resubscribeAll(why: string): void {
    this.log(`re-subscribing ${this.subscriptions.size} real-time bar stream(s) after ${why}`);
    for (const [ticker, subscription] of this.subscriptions) {
      this.cancel(subscription);
      this.activate(ticker, subscription);
    }
  }

  private deliver(bar: AggregatedBar): void {
    for (const listener of [...this.listeners]) listener(bar);
  }

  private async flushLoop(intervalMs: number): Promise<void> {
    try {
      for (;;) {
        await this.deps.clock.sleep(intervalMs, this.closing.signal);
        this.flush();
      }
    } catch {
      // closed
    }
  }

  private log(line: string): void {
    this.deps.log?.(`ibkr real-time: ${line}`);
  }
}
