import type { CommissionReport, Contract, Execution, Order, OrderState } from '@stoqey/ib';
import { EventName, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { FillPolicy } from './state/fillPolicy.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { connectClient } from './testing/clientHarness.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

function buy(quantity: number, lmtPrice: number): Order {
  return {
    action: OrderAction.BUY,
    totalQuantity: quantity,
    orderType: OrderType.LMT,
    lmtPrice,
    tif: 'DAY',
    transmit: true,
  };
}

type Status = [number, string, number, number, number];

/** Everything the client reports about orders, in arrival order. */
function recordOrders(client: ClientHarness) {
  const statuses: Status[] = [];
  const executions: Execution[] = [];
  const commissions: CommissionReport[] = [];
  const sequence: string[] = [];
  client.events.on(EventName.orderStatus, ((
    id: number,
    status: string,
    filled: number,
    remaining: number,
    avg: number,
  ) => {
    statuses.push([id, status, filled, remaining, avg]);
    sequence.push(`status:${status}:${filled}`);
  }) as never);
  client.events.on(EventName.execDetails, ((_r: number, _c: Contract, execution: Execution) => {
    executions.push(execution);
    sequence.push(`exec:${execution.shares}`);
  }) as never);
  client.events.on(EventName.commissionReport, ((report: CommissionReport) => {
    commissions.push(report);
    sequence.push(`commission:${report.execId}`);
  }) as never);
  return { statuses, executions, commissions, sequence };
}

describe('fake gateway orders with the real @stoqey/ib client', () => {
  let gateway: FakeGateway | undefined;
  const clients: ClientHarness[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await gateway?.close();
  });

  async function setUp(policy: FillPolicy) {
    gateway = await startFakeGateway({ symbols: ['AAPL'], fillPolicy: policy, realTimeBarIntervalMs: 0 });
    const { client, orderId } = await connectClient(gateway.port, 31);
    clients.push(client);
    return { gateway, client, orderId, log: recordOrders(client) };
  }

  it('fills in parts: one execution per part, Submitted with the running totals, then Filled', async () => {
    const { gateway, client, orderId, log } = await setUp({ kind: 'partial', quantities: [100, 200] });
    const done = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Filled');

    client.api.placeOrder(orderId, AAPL, buy(300, 50));
    await done;

    expect(log.executions.map((execution) => [execution.shares, execution.cumQty])).toEqual([
      [100, 100],
      [200, 300],
    ]);
    expect(new Set(log.executions.map((execution) => execution.execId)).size).toBe(2);
    expect(log.statuses.map(([, status, filled, remaining]) => [status, filled, remaining])).toEqual([
      ['PreSubmitted', 0, 300],
      ['Submitted', 0, 300],
      ['Submitted', 100, 200],
      ['Filled', 300, 0],
    ]);
    expect(gateway.state.positions.get('DU1234567|AAPL')).toMatchObject({ quantity: 300, avgCost: 50 });
    expect(client.protocolErrors()).toEqual([]);
  });

  it('rests the remainder of a partial fill until the test fills it', async () => {
    const { gateway, client, orderId, log } = await setUp({ kind: 'partial', quantities: [40] });
    const partial = client.next(EventName.orderStatus, (_id: number, _s: string, filled: number) => filled === 40);
    client.api.placeOrder(orderId, AAPL, buy(100, 20));
    await partial;
    const done = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Filled');

    expect(gateway.inject.fill(orderId, 60, 20.5)).toBe(true);
    await done;

    expect(log.statuses.at(-1)).toEqual([orderId, 'Filled', 100, 0, (40 * 20 + 60 * 20.5) / 100]);
    expect(gateway.inject.fill(orderId, 1)).toBe(false);
  });

  it('repeats every status with duplicateStatus and delays commission reports past the fill', async () => {
    const { client, orderId, log } = await setUp({ kind: 'fill', duplicateStatus: true, commissionDelayMs: 150 });
    const commission = client.next(EventName.commissionReport);

    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    await commission;

    expect(log.statuses.filter(([, status]) => status === 'Filled')).toHaveLength(2);
    expect(log.statuses.filter(([, status]) => status === 'PreSubmitted')).toHaveLength(2);
    expect(log.sequence.indexOf(`commission:${log.executions[0]?.execId}`)).toBe(log.sequence.length - 1);
    expect(log.sequence.lastIndexOf('status:Filled:10')).toBeLessThan(log.sequence.length - 1);
  });

  it('sends execDetails and no orderStatus for a fill with noStatusOnFill', async () => {
    const { client, orderId, log } = await setUp({ kind: 'fill', noStatusOnFill: true });
    const commission = client.next(EventName.commissionReport);

    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    await commission;

    expect(log.executions.map((execution) => execution.shares)).toEqual([10]);
    expect(log.statuses.map(([, status]) => status)).toEqual(['PreSubmitted', 'Submitted']);
  });

  it('corrects the last fill with the same execId and a raised last part, and moves cost and cash', async () => {
    const { gateway, client, orderId, log } = await setUp({ kind: 'fill', correctLastFill: { price: 30.2 } });
    const corrected = client.next(
      EventName.execDetails,
      (_r: number, _c: Contract, execution: Execution) => execution.price === 30.2,
    );

    client.api.placeOrder(orderId, AAPL, buy(200, 30));
    const [, , correction] = (await corrected) as [number, Contract, Execution];

    const original = log.executions[0] as Execution;
    expect(original.execId).toMatch(/\.01$/);
    expect(correction.execId).toBe((original.execId as string).replace(/\.01$/, '.02'));
    expect(correction.shares).toBe(200);
    expect(gateway.state.positions.get('DU1234567|AAPL')).toMatchObject({ quantity: 200 });
    expect(gateway.state.positions.get('DU1234567|AAPL')?.avgCost).toBeCloseTo(30.2, 10);
    // Cash: 1,000,000 - 200 x 30.20 - 1.00 commission, charged once: the correction replaces the execution.
    expect(gateway.state.cash.get('DU1234567')).toBeCloseTo(1_000_000 - 200 * 30.2 - 1, 6);
  });

  it('rejects with error 201 on the order id and status Cancelled, leaving no position', async () => {
    const { gateway, client, orderId, log } = await setUp({ kind: 'reject', reason: 'insufficient margin' });
    const error = client.next(EventName.error, (_e: Error, code: number) => code === 201);
    const cancelled = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Cancelled');

    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    const [rejection, , id] = (await error) as [Error, number, number];
    await cancelled;

    expect(id).toBe(orderId);
    expect(rejection.message).toBe('Order rejected - reason:insufficient margin');
    expect(log.executions).toEqual([]);
    expect(gateway.state.positions.size).toBe(0);
  });

  it('answers cancels and modifications as TWS does: 202, 10147, 10148, 104, 103', async () => {
    const { gateway, client, orderId } = await setUp({ kind: 'rest' });
    const codes = (): number[] => client.errors.map((error) => error.code);
    const modified = client.next(
      EventName.openOrder,
      (_id: number, _c: Contract, order: Order) => order.totalQuantity === 15,
    );
    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    client.api.placeOrder(orderId, AAPL, buy(15, 31));
    await modified;
    const cancelled = client.next(EventName.error, (_e: Error, code: number) => code === 202);
    client.api.cancelOrder(orderId);
    await cancelled;
    const reuse = client.next(EventName.error, (_e: Error, code: number) => code === 103);
    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    await reuse;
    const unknown = client.next(EventName.error, (_e: Error, code: number) => code === 10147);
    client.api.cancelOrder(orderId + 50);
    await unknown;
    gateway.setFillPolicy({ kind: 'fill' });
    const filled = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Filled');
    client.api.placeOrder(orderId + 1, AAPL, buy(5, 30));
    await filled;
    const notCancellable = client.next(EventName.error, (_e: Error, code: number) => code === 10148);
    client.api.cancelOrder(orderId + 1);
    await notCancellable;
    const filledModify = client.next(EventName.error, (_e: Error, code: number) => code === 104);
    client.api.placeOrder(orderId + 1, AAPL, buy(6, 30));
    await filledModify;

    expect(codes()).toEqual([202, 103, 10147, 10148, 104]);
    expect(gateway.state.orders.get(orderId)).toMatchObject({ status: 'Cancelled', totalQuantity: 15, lmtPrice: 31 });
    expect(client.protocolErrors()).toEqual([]);
  });

  it('holds an order sent with transmit unset until it is placed again with transmit true', async () => {
    const { gateway, client, orderId, log } = await setUp({ kind: 'fill' });
    const inactive = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Inactive');
    client.api.placeOrder(orderId, AAPL, { ...buy(10, 30), transmit: undefined });
    await inactive;
    expect(log.executions).toEqual([]);
    const filled = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Filled');

    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    await filled;

    expect(gateway.state.orders.get(orderId)?.transmit).toBe(true);
    expect(log.executions).toHaveLength(1);
  });

  it('keeps orders across a dropped connection: the reconnected client sees them and gets a higher nextValidId', async () => {
    const { gateway, client, orderId } = await setUp({ kind: 'rest' });
    const open = client.next(EventName.orderStatus, (_id: number, status: string) => status === 'Submitted');
    client.api.placeOrder(orderId, AAPL, buy(10, 30));
    await open;
    const disconnected = client.next(EventName.disconnected);

    gateway.inject.dropAll();
    await disconnected;
    const again = await connectClient(gateway.port, 31);
    clients.push(again.client);
    const replayed = again.client.next(EventName.openOrder);
    const end = again.client.next(EventName.openOrderEnd);
    again.client.api.reqOpenOrders();
    const [id, , order, state] = (await replayed) as [number, Contract, Order, OrderState];
    await end;

    expect(again.orderId).toBe(orderId + 1);
    expect([id, order.totalQuantity, state.status]).toEqual([orderId, 10, 'Submitted']);
  });
});
