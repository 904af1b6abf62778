import type { AddressInfo, Server } from 'node:net';
import { createServer } from 'node:net';
import type { BarSet } from '../../core/data/BarBatch.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { FaultOptions, FaultState } from './faults.js';
import { resolveFaults } from './faults.js';
import type { FaultInjector } from './inject.js';
import { createInjector } from './inject.js';
import { BarStore } from './market/BarStore.js';
import { PacingTracker } from './pacing.js';
import { DEFAULT_SERVER_VERSION } from './protocol/handshake.js';
import { buildHandlers } from './session/dispatch.js';
import type { GatewayContext, RequestLogEntry } from './session/GatewayContext.js';
import { OrderDesk } from './session/orderDesk.js';
import { Session } from './session/Session.js';
import type { FillPolicy } from './state/fillPolicy.js';
import { DEFAULT_FILL_POLICY } from './state/fillPolicy.js';
import type { OrderRecord } from './state/GatewayState.js';
import { GatewayState } from './state/GatewayState.js';
import { RealTimeBarFeed } from './session/realTimeBars.js';
import { stockDetailsFor } from './stocks.js';

/** Options of `startFakeGateway`; all optional. */
export interface FakeGatewayOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1: the fake is for loopback use only). */
  readonly host?: string;
  /** Fixture bars served by historical requests (and used as prices for fills and real-time bars). */
  readonly bars?: BarSet;
  /** The gateway clock (default: the system clock). Pacing windows, endDateTime "now" and times use it. */
  readonly clock?: Clock;
  /** Faults switched on from the start. */
  readonly faults?: FaultOptions;
  /** Highest server version offered (default 193). */
  readonly serverVersion?: number;
  /** Accounts of the login (default ['DU1234567']). */
  readonly accounts?: readonly string[];
  /** First nextValidId (default 1). */
  readonly firstOrderId?: number;
  /** TWS login time zone (default America/New_York). */
  readonly zone?: string;
  /** Symbols with contract definitions besides the bar tickers (default: none; AAPL etc. only with bars). */
  readonly symbols?: readonly string[];
  /** How new orders are treated (default: filled at once); a function decides per order. */
  readonly fillPolicy?: FillPolicy | ((order: OrderRecord) => FillPolicy);
  /** Real milliseconds between real-time bars (default 5000; 0: only when `inject.realTimeBars()` is called). */
  readonly realTimeBarIntervalMs?: number;
  /** Most messages kept in `requests` (default: all); the oldest tenth is dropped when exceeded (long CLI runs). */
  readonly requestLogLimit?: number;
}

/** A running fake gateway. */
export interface FakeGateway {
  readonly host: string;
  readonly port: number;
  readonly clock: Clock;
  /** Orders, executions, positions and cash: shared by all connections, kept across drops. */
  readonly state: GatewayState;
  /** Fault switches; change them at any time. */
  readonly faults: FaultState;
  /** Historical pacing: every request counted and every violation with its rule. */
  readonly pacing: PacingTracker;
  /** Every message received, in order, with the gateway clock time. */
  readonly requests: RequestLogEntry[];
  /** Client ids of the open, started connections. */
  connectedClientIds(): number[];
  /** Sets how orders placed from now on are treated. */
  setFillPolicy(policy: FillPolicy | ((order: OrderRecord) => FillPolicy)): void;
  /** One-off faults and events. */
  readonly inject: FaultInjector;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Starts a fake IB Gateway speaking the TWS API (server version 193) on a loopback port. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const clock = options.clock ?? systemClock;
  const accounts = options.accounts ?? ['DU1234567'];
  const bars = new BarStore(options.bars);
  const known = new Set([...bars.tickers(), ...(options.symbols ?? [])]);
  const sessions = new Set<Session>();
  const state = new GatewayState(options.firstOrderId ?? 1, accounts);
  let fillPolicy = options.fillPolicy ?? DEFAULT_FILL_POLICY;
  const context: GatewayContext = {
    clock,
    config: {
      serverVersion: options.serverVersion ?? DEFAULT_SERVER_VERSION,
      accounts,
      zone: options.zone ?? 'America/New_York',
    },
    bars,
    pacing: new PacingTracker(clock),
    faults: resolveFaults(options.faults),
    state,
    log: [],
    logLimit: options.requestLogLimit ?? Number.POSITIVE_INFINITY,
    sessions: () => [...sessions].filter((session) => session.stage === 'ready'),
    stockDetails: (symbol) => (known.has(symbol) ? stockDetailsFor(symbol) : undefined),
    fillPolicyFor: (order) => (typeof fillPolicy === 'function' ? fillPolicy(order) : fillPolicy),
  };
  const desk = new OrderDesk(context);
  const handlers = buildHandlers(desk);
  const feed = new RealTimeBarFeed(context, options.realTimeBarIntervalMs ?? 5_000);
  const server: Server = createServer((socket) => {
    if (context.faults.refuseConnections) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const session = new Session(socket, context, handlers);
    sessions.add(session);
    socket.on('close', () => sessions.delete(session));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    clock,
    state,
    faults: context.faults,
    pacing: context.pacing,
    requests: context.log,
    connectedClientIds: () => context.sessions().map((session) => session.clientId as number),
    setFillPolicy: (policy) => {
      fillPolicy = policy;
    },
    inject: createInjector(context, feed, desk),
    close: async () => {
      feed.stop();
      for (const session of sessions) session.drop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
