// Test support for the IB broker and real-time tests: a fake gateway, a real IbConnection and helpers to wait.
import { createRandom } from '../../core/random/Random.js';
import { OrderPurpose, type OrderRequest } from '../../core/trading/types.js';
import { clientOrderId, strategyId } from '../../core/trading/ids.js';
import { toMicros } from '../../core/money/money.js';
import { createVirtualClock, startFakeGateway } from '../../devtools/fakeGateway/index.js';
import type { FakeGateway, VirtualClock } from '../../devtools/fakeGateway/index.js';
import { systemClock } from './clocks.js';
import { IbConnection } from './IbConnection.js';

export const STRATEGY = strategyId('alpha');
/** Thursday 2025-01-02 09:30 New York: the fake gateway's clock, so real-time bars fall in a regular session. */
export const SESSION_OPEN = Date.UTC(2025, 0, 2, 14, 30);

export interface Rig {
  readonly gateway: FakeGateway;
  readonly gatewayClock: VirtualClock;
  readonly connection: IbConnection;
  readonly log: string[];
}

/** A fake gateway on a virtual clock at the session open, and a connected IbConnection (system clock). */
export async function startRig(
  options: Parameters<typeof startFakeGateway>[0] = {},
  closers: { close(): unknown }[],
): Promise<Rig> {
  const gatewayClock = createVirtualClock(SESSION_OPEN);
  const gateway = await startFakeGateway({
    symbols: ['AAPL', 'MSFT'],
    realTimeBarIntervalMs: 0,
    clock: gatewayClock,
    ...options,
  });
  closers.push(gateway);
  const log: string[] = [];
  const connection = new IbConnection(
    {
      host: '127.0.0.1',
      port: gateway.port,
      clientId: 23,
      maxReqPerSec: 40,
      connectTimeoutMs: 2_000,
      heartbeatIntervalMs: 60_000,
      heartbeatTimeoutMs: 5_000,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      resetWindows: [],
      resetZone: 'America/New_York',
    },
    { clock: systemClock, random: createRandom(5, 'ib-broker-test'), log: (line) => log.push(line) },
  );
  closers.push(connection);
  return { gateway, gatewayClock, connection, log };
}

/** Polls `condition` every 5 ms until it holds; fails after `timeoutMs` with `what`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** An engine order request. */
export function order(id: string, fields: Partial<OrderRequest> & { limit?: number } = {}): OrderRequest {
  const { limit, ...rest } = fields;
  return {
    clientOrderId: clientOrderId(id),
    strategy: STRATEGY,
    ticker: 'AAPL',
    side: 'BUY',
    quantity: 100,
    type: limit === undefined ? 'MARKET' : 'LIMIT',
    limitPrice: limit === undefined ? null : toMicros(limit),
    purpose: OrderPurpose.ENTRY,
    createdTs: SESSION_OPEN,
    ...rest,
  };
}
