import { afterEach, describe, expect, it } from 'vitest';
import type { AggregatedBar } from '../../../core/ibkr/RealTimeBarAggregator.js';
import { EngineSide } from '../../../core/broker/EngineSide.js';
import { clientOrderId } from '../../../core/trading/ids.js';
import { systemClock } from '../clocks.js';
import { IbBroker } from '../orders/IbBroker.js';
import { SESSION_OPEN, STRATEGY, order, startRig, until, type Rig } from '../testRig.js';
import { RealTimeBars } from './RealTimeBars.js';

// Every test drives the real @stoqey/ib client over TCP against the fake gateway (devtools/fakeGateway). The
// gateway runs on a virtual clock at 2025-01-02 09:30 New York and sends a 5-second bar only when told to.
const closers: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of closers.splice(0).reverse()) await item.close();
});

function count(rig: Rig, name: string): number {
  return rig.gateway.requests.filter((request) => request.name === name).length;
}

/** One 5-second bar on every live stream, and the gateway clock moved on by 5 s. */
function tick(rig: Rig, times = 1): void {
  for (let i = 0; i < times; i++) {
    rig.gateway.inject.realTimeBars();
    rig.gatewayClock.advance(5_000);
  }
}

async function setUp() {
  const rig = await startRig({}, closers);
  const bars: AggregatedBar[] = [];
  const stream = new RealTimeBars(
    rig.connection,
    { barMs: 60_000 },
    { clock: systemClock, log: (l) => rig.log.push(l) },
  );
  closers.push(stream);
  stream.onBar((bar) => bars.push(bar));
  return { rig, stream, bars };
}

describe('RealTimeBars against the fake gateway', () => {
  it('aggregates 12 five-second bars into the 09:30 one-minute bar, emitted with the 12th', async () => {
    const { rig, stream, bars } = await setUp();
    stream.subscribe('AAPL');
    await rig.connection.connect();
    await until(() => count(rig, 'REQ_REAL_TIME_BARS') === 1, 'the subscription');
    tick(rig, 11);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bars).toEqual([]);
    tick(rig);
    await until(() => bars.length === 1, 'the minute bar');
    expect(bars[0]?.event).toMatchObject({ ticker: 'AAPL', barStart: SESSION_OPEN, ts: SESSION_OPEN + 60_000 });
    expect(bars[0]?.received).toBe(12);
  });

  it('re-subscribes after 1101, not after 1102, and never twice', async () => {
    const { rig, stream, bars } = await setUp();
    await rig.connection.connect();
    stream.subscribe('AAPL');
    stream.subscribe('AAPL');
    await until(() => count(rig, 'REQ_REAL_TIME_BARS') === 1, 'the subscription');
    tick(rig, 6);
    rig.gateway.inject.info(1100);
    rig.gateway.inject.info(1102);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count(rig, 'REQ_REAL_TIME_BARS')).toBe(1);

    rig.gateway.inject.info(1101); // data lost: the gateway dropped the stream
    await until(() => count(rig, 'REQ_REAL_TIME_BARS') === 2, 'the re-subscription');
    expect(count(rig, 'CANCEL_REAL_TIME_BARS')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(count(rig, 'REQ_REAL_TIME_BARS')).toBe(2);
    const reqIds = rig.gateway.requests.filter((r) => r.name === 'REQ_REAL_TIME_BARS').map((r) => r.fields[2]);
    expect(new Set(reqIds).size).toBe(2);
    tick(rig, 6); // the stream carries on from the gateway clock: the minute completes
    await until(() => bars.length === 1, 'the minute bar');
    expect(bars[0]?.received).toBe(12);
  });

  it('a dropped socket: reconnect, bars re-subscribed, no order state lost, no duplicate order', async () => {
    const { rig, stream, bars } = await setUp();
    rig.gateway.setFillPolicy({ kind: 'rest' });
    const broker = new IbBroker(rig.connection, {}, { clock: systemClock, log: (l) => rig.log.push(l) });
    closers.push(broker);
    const engine = new EngineSide(broker, [STRATEGY]);
    await rig.connection.connect();
    stream.subscribe('AAPL');
    engine.place(order('alpha-1', { limit: 25 }), 1);
    await until(() => engine.order('alpha-1').status === 'SUBMITTED', 'SUBMITTED');
    await until(() => count(rig, 'REQ_REAL_TIME_BARS') === 1, 'the subscription');
    tick(rig, 6);
    const ibOrderId = broker.ibOrderIdOf(clientOrderId('alpha-1'));

    const down = new Promise<void>((resolve) => rig.connection.subscribe({ down: () => resolve() }));
    rig.gateway.inject.dropAll();
    await down;
    await rig.connection.waitReady();
    await until(() => count(rig, 'REQ_REAL_TIME_BARS') === 2, 'the re-subscription');
    await broker.reconciliation.whenReconciled();

    // The order lives on: same IB id, still SUBMITTED, and it fills on the new socket.
    expect(broker.ibOrderIdOf(clientOrderId('alpha-1'))).toBe(ibOrderId);
    expect(engine.order('alpha-1').status).toBe('SUBMITTED');
    expect(rig.gateway.inject.fill(ibOrderId ?? -1, 100, 25)).toBe(true);
    await until(() => engine.order('alpha-1').status === 'FILLED', 'FILLED after the reconnect');
    expect(engine.position('AAPL')).toBe(100);
    expect(count(rig, 'PLACE_ORDER')).toBe(1);
    expect(rig.gateway.state.orders.size).toBe(1);

    // A new order after the reconnect gets a new, higher id.
    engine.place(order('alpha-2', { limit: 25 }), 2);
    await until(() => rig.gateway.state.orders.size === 2, 'the second order');
    expect(broker.ibOrderIdOf(clientOrderId('alpha-2'))).toBeGreaterThan(ibOrderId ?? Infinity);

    tick(rig, 6);
    await until(() => bars.length === 1, 'the minute bar across the reconnect');
    expect(bars[0]?.event.barStart).toBe(SESSION_OPEN);
    expect(bars[0]?.received).toBe(12);
    expect(rig.gateway.connectedClientIds()).toEqual([23]);
  });
});
