import { afterEach, describe, expect, it } from 'vitest';
import { EngineSide } from '../../../core/broker/EngineSide.js';
import { toMicros } from '../../../core/money/money.js';
import { clientOrderId } from '../../../core/trading/ids.js';
import type { FillPolicy } from '../../../devtools/fakeGateway/index.js';
import { systemClock } from '../clocks.js';
import { STRATEGY, order, startRig, until } from '../testRig.js';
import { IbBroker } from './IbBroker.js';

// Every test drives the real @stoqey/ib client over TCP against the fake gateway (devtools/fakeGateway); the
// engine side is the real order manager and portfolio (core/broker/EngineSide.ts). Nothing is mocked.
const closers: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of closers.splice(0).reverse()) await item.close();
});

const ACCOUNT = 'DU1234567';

async function setUp(policy: FillPolicy) {
  const rig = await startRig({ fillPolicy: policy }, closers);
  const broker = new IbBroker(
    rig.connection,
    { commissionWaitMs: 1_000 },
    { clock: systemClock, log: (line) => rig.log.push(line) },
  );
  closers.push(broker);
  await rig.connection.connect();
  await broker.reconciliation.whenReconciled();
  const engine = new EngineSide(broker, [STRATEGY]);
  return { ...rig, broker, engine };
}

function placedOrders(gateway: { requests: readonly { name: string }[] }): number {
  return gateway.requests.filter((request) => request.name === 'PLACE_ORDER').length;
}

describe('IbBroker against the fake gateway', () => {
  it('a partial fill: PARTIALLY_FILLED with the executed shares, then a cancel leaves CANCELLED with them', async () => {
    const { gateway, broker, engine } = await setUp({ kind: 'partial', quantities: [40] });
    engine.place(order('alpha-1', { limit: 20 }), 1);
    await until(() => engine.order('alpha-1').filledQuantity === 40, 'the partial execution');
    expect(engine.order('alpha-1').status).toBe('PARTIALLY_FILLED');
    expect(engine.position('AAPL')).toBe(40);

    engine.cancel(clientOrderId('alpha-1'), 2);
    await until(() => engine.order('alpha-1').status === 'CANCELLED', 'the cancel');
    expect(engine.order('alpha-1').filledQuantity).toBe(40);
    expect(engine.position('AAPL')).toBe(40);
    await until(() => broker.reconciliation.positions().get(`${ACCOUNT}|AAPL`)?.quantity === 40, 'IB position');
    // IBKR fixed commission on 40 shares: max(0.005 x 40, 1.00) = 1.00, carried on the execution.
    const [execution] = [...engine.order('alpha-1').executions.values()];
    expect(execution?.commission).toBe(toMicros(1));
    expect(execution?.price).toBe(toMicros(20));
    expect(placedOrders(gateway)).toBe(1);
  });

  it('partial fills that add up: FILLED from the executions alone (IB Filled status not needed)', async () => {
    const { engine } = await setUp({ kind: 'partial', quantities: [100, 200], noStatusOnFill: true });
    engine.place(order('alpha-1', { quantity: 300, limit: 50 }), 1);
    await until(() => engine.order('alpha-1').status === 'FILLED', 'FILLED');
    expect(engine.order('alpha-1').filledQuantity).toBe(300);
    expect([...engine.order('alpha-1').executions.keys()]).toHaveLength(2);
    expect(engine.position('AAPL')).toBe(300);
  });

  it('duplicate statuses and a duplicate execution report (replayed by reqExecutions) change nothing', async () => {
    const { gateway, broker, engine, log } = await setUp({
      kind: 'fill',
      duplicateStatus: true,
      commissionDelayMs: 100,
    });
    engine.place(order('alpha-1', { quantity: 10, limit: 30 }), 1);
    await until(() => engine.order('alpha-1').status === 'FILLED', 'FILLED');
    const executionsBefore = engine.reports.filter((r) => r.type === 'ExecutionReported').length;

    // 1101 (data lost) starts a reconciliation round: TWS re-sends the same execution.
    const rounds = broker.reconciliation.rounds;
    gateway.inject.info(1101);
    await until(() => broker.reconciliation.rounds === rounds + 1, 'a reconciliation round');
    await broker.reconciliation.whenReconciled();
    const replays = gateway.requests.filter((r) => r.name === 'REQ_EXECUTIONS').length;
    expect(replays).toBe(2);
    expect(log.filter((line) => /execution .* duplicate, ignored/.test(line))).toHaveLength(1);

    expect(engine.reports.filter((r) => r.type === 'ExecutionReported').length).toBe(executionsBefore);
    expect(engine.order('alpha-1').filledQuantity).toBe(10);
    expect(engine.position('AAPL')).toBe(10);
    // The repeated Submitted reports were duplicates for the order manager, never applied twice.
    expect(engine.noticeCodes().every((code) => code !== 'ORDER_OVERFILL')).toBe(true);
    expect(engine.order('alpha-1').status).toBe('FILLED');
  });

  it('an execution correction replaces the corrected fill: one execution at the new price, same position', async () => {
    const { broker, engine } = await setUp({ kind: 'fill', correctLastFill: { price: 30.2 } });
    engine.place(order('alpha-1', { quantity: 200, limit: 30 }), 1);
    await until(
      () => [...engine.order('alpha-1').executions.values()].some((e) => e.price === toMicros(30.2)),
      'the correction',
    );
    const executions = [...engine.order('alpha-1').executions.values()];
    expect(executions).toHaveLength(1);
    expect(executions[0]?.executionId).toMatch(/\.02$/);
    expect(executions[0]?.correctsExecutionId).toMatch(/\.01$/);
    expect(engine.order('alpha-1').filledQuantity).toBe(200);
    expect(engine.order('alpha-1').status).toBe('FILLED');
    expect(engine.position('AAPL')).toBe(200);
    // Cost basis 200 x 30.20 = 6,040 dollars: the first price is gone.
    expect(engine.portfolio.positions['AAPL']?.costBasis).toBe(toMicros(6_040));
    // Commission charged once: 200 x 0.005 = 1.00.
    expect(engine.portfolio.books[STRATEGY]?.commissions).toBe(toMicros(1));
    await until(() => broker.reconciliation.positions().get(`${ACCOUNT}|AAPL`)?.quantity === 200, 'IB position');
  });

  it('a rejection: REJECTED with IB code 201, the Cancelled that follows reported as illegal, no position', async () => {
    const { engine } = await setUp({ kind: 'reject', reason: 'no margin' });
    engine.place(order('alpha-1', { quantity: 10, limit: 30 }), 1);
    await until(() => engine.order('alpha-1').status === 'REJECTED', 'REJECTED');
    expect(engine.order('alpha-1').reason).toMatch(/^IB_201: .*no margin/);
    await until(() => engine.noticeCodes().includes('ORDER_ILLEGAL_TRANSITION'), 'the illegal Cancelled');
    expect(engine.order('alpha-1').status).toBe('REJECTED');
    expect(engine.position('AAPL')).toBe(0);
  });

  it('a fill missed while disconnected arrives through reqExecutions after the reconnect; account summary read', async () => {
    const { gateway, broker, engine, connection } = await setUp({ kind: 'rest' });
    engine.place(order('alpha-1', { limit: 25 }), 1);
    await until(() => engine.order('alpha-1').status === 'SUBMITTED', 'SUBMITTED');
    const ibOrderId = broker.ibOrderIdOf(clientOrderId('alpha-1')) ?? -1;
    gateway.faults.refuseConnections = true;
    const down = new Promise<void>((resolve) => connection.subscribe({ down: () => resolve() }));
    gateway.inject.dropAll();
    await down;
    expect(gateway.inject.fill(ibOrderId, 100, 24.75)).toBe(true); // nobody connected to hear it
    expect(engine.order('alpha-1').filledQuantity).toBe(0);
    // While disconnected a new order is refused at once, never queued.
    engine.place(order('alpha-2', { limit: 25 }), 2);
    expect(engine.order('alpha-2').reason).toBe('IB_NOT_CONNECTED: state=reconnecting');
    gateway.faults.refuseConnections = false;
    await connection.waitReady();
    await until(() => engine.order('alpha-1').status === 'FILLED', 'the missed fill');
    expect(engine.position('AAPL')).toBe(100);
    expect([...engine.order('alpha-1').executions.values()][0]?.price).toBe(toMicros(24.75));
    await broker.reconciliation.whenReconciled();
    expect(broker.reconciliation.positions().get(`${ACCOUNT}|AAPL`)).toMatchObject({ quantity: 100 });
    // Cash 1,000,000 - 100 x 24.75 - 1.00 commission = 997,524.
    expect(Number(broker.reconciliation.accountSummary().get(`${ACCOUNT}|TotalCashValue`)?.value)).toBe(997_524);
    expect(placedOrders(gateway)).toBe(1);
  });

  it('an order lost with a dropped socket is reported REJECTED after the reconnect, never re-sent', async () => {
    const { gateway, engine, connection } = await setUp({ kind: 'rest' });
    gateway.faults.silence.add('PLACE_ORDER'); // read and dropped, as if the socket died with it
    engine.place(order('alpha-1', { limit: 25 }), 1);
    await until(() => placedOrders(gateway) === 1, 'the order on the wire');
    gateway.faults.silence.clear();
    const down = new Promise<void>((resolve) => connection.subscribe({ down: () => resolve() }));
    gateway.inject.dropAll();
    await down;
    await connection.waitReady();
    await until(() => engine.order('alpha-1').status === 'REJECTED', 'the lost order reported');
    expect(engine.order('alpha-1').reason).toMatch(/^IB_ORDER_LOST: /);
    expect(placedOrders(gateway)).toBe(1);
    // An order the gateway acknowledged survives the same drop untouched.
    engine.place(order('alpha-2', { limit: 25 }), 2);
    await until(() => engine.order('alpha-2').status === 'SUBMITTED', 'SUBMITTED');
    const again = new Promise<void>((resolve) => connection.subscribe({ down: () => resolve() }));
    gateway.inject.dropAll();
    await again;
    await connection.waitReady();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(engine.order('alpha-2').status).toBe('SUBMITTED');
  });

  it('orders go out with transmit true, orderRef = client order id and increasing ids from nextValidId', async () => {
    const { gateway, broker, engine, connection } = await setUp({ kind: 'rest' });
    engine.place(order('alpha-1', { limit: 10 }), 1);
    engine.place(order('alpha-2', { limit: 10 }), 1);
    await until(() => gateway.state.orders.size === 2, 'two orders at the gateway');
    const first = broker.ibOrderIdOf(clientOrderId('alpha-1'));
    expect(first).toBe(connection.nextValidOrderId);
    expect(broker.ibOrderIdOf(clientOrderId('alpha-2'))).toBe((first ?? 0) + 1);
    const record = gateway.state.orders.get(first ?? -1);
    expect(record?.status).toBe('Submitted');
    expect(record?.orderRef).toBe('alpha-1');
    // A second order with the same client id is refused locally and never sent.
    broker.placeOrder(order('alpha-1', { limit: 10 }), 2);
    expect(engine.reports.at(-1)).toMatchObject({
      status: 'REJECTED',
      reason: 'DUPLICATE_ORDER_ID: clientOrderId=alpha-1',
    });
    expect(placedOrders(gateway)).toBe(2);
  });
});
