import type { CommissionReport, Contract, ContractDetails, Execution, Order, OrderState } from '@stoqey/ib';
import { BarSizeSetting, EventName, OrderAction, OrderType, SecType } from '@stoqey/ib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock.js';
import { syntheticBarFixtures } from './market/loadBarFixtures.js';
import { GatewayMessage } from './protocol/messageIds.js';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { collectHistorical, connectClient, untilReceived } from './testing/clientHarness.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const NOW = Date.UTC(2025, 5, 6, 15, 0); // Friday 6 June 2025, 11:00 New York

interface Rig {
  gateway: FakeGateway;
  client: ClientHarness;
  orderId: number;
}

async function historicalTour({ client }: Rig) {
  const intraday = collectHistorical(client, 101);
  client.api.reqHistoricalData(
    101,
    AAPL,
    '20250605 16:00:00 US/Eastern',
    '1 D',
    BarSizeSetting.HOURS_ONE,
    'TRADES',
    1,
    1,
    false,
  );
  const daily = collectHistorical(client, 102);
  client.api.reqHistoricalData(102, AAPL, '', '1 W', BarSizeSetting.DAYS_ONE, 'MIDPOINT', 1, 1, false);
  return { hourly: (await intraday).bars, days: (await daily).bars };
}

async function contractTour({ gateway, client }: Rig) {
  const details = client.next(EventName.contractDetails);
  const end = client.next(EventName.contractDetailsEnd);
  client.api.reqContractDetails(103, AAPL);
  const time = client.next(EventName.currentTime);
  client.api.reqCurrentTime();
  const bar = client.next(EventName.realtimeBar);
  client.api.reqRealTimeBars(104, AAPL, 5, 'TRADES', true);
  const [reqId, contractDetails] = (await details) as [number, ContractDetails];
  const [endId] = await end;
  const [epoch] = await time;
  await untilReceived(gateway.requests, 'REQ_REAL_TIME_BARS');
  gateway.inject.realTimeBars();
  const [, barTime, open] = (await bar) as [number, number, number];
  client.api.cancelRealTimeBars(104);
  return { reqId, contractDetails, endId, epoch, barTime, open };
}

async function streamTour({ gateway, client }: Rig) {
  const ticks: [number, number][] = [];
  client.events.on(EventName.tickPrice, ((_id: number, type: number, price: number) =>
    ticks.push([type, price])) as never);
  const params = client.next(EventName.tickReqParams);
  const type = client.next(EventName.marketDataType);
  const timestamp = client.next(EventName.tickString);
  const halted = client.next(EventName.tickGeneric);
  const snapshotEnd = client.next(EventName.tickSnapshotEnd);
  client.api.reqMktData(107, AAPL, '', true, false);
  const [snapshotId] = await snapshotEnd;
  const initial = collectHistorical(client, 108);
  client.api.reqHistoricalData(108, AAPL, '', '3600 S', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, true);
  const { bars } = await initial;
  const update = client.next(EventName.historicalDataUpdate);
  gateway.inject.realTimeBars();
  const [updateId, updateTime, updateOpen] = (await update) as [number, string, number];
  client.api.cancelHistoricalData(108);
  client.api.reqMarketDataType(3);
  const delayed = client.next(EventName.tickPrice, (_id: number, tickType: number) => tickType === 68);
  client.api.reqMktData(109, AAPL, '', false, false);
  await delayed;
  client.api.cancelMktData(109);
  return {
    ticks,
    params: await params,
    type: await type,
    timestamp: await timestamp,
    halted: await halted,
    snapshotId,
    bars,
    update: [updateId, updateTime, updateOpen],
  };
}

async function orderTour({ client, orderId }: Rig) {
  const opened = client.next(
    EventName.openOrder,
    (id: number, _c: Contract, _o: Order, state: OrderState) => id === orderId && state.status === 'Filled',
  );
  const filled = client.next(
    EventName.orderStatus,
    (id: number, status: string) => id === orderId && status === 'Filled',
  );
  const execution = client.next(EventName.execDetails);
  const commission = client.next(EventName.commissionReport);
  client.api.placeOrder(orderId, AAPL, {
    action: OrderAction.BUY,
    totalQuantity: 300,
    orderType: OrderType.LMT,
    lmtPrice: 101.25,
    tif: 'DAY',
    orderRef: 'momentum-1',
    transmit: true,
  });
  const [, contract, order] = (await opened) as [number, Contract, Order, OrderState];
  const status = (await filled) as [number, string, number, number, number, number];
  const [reqId, , exec] = (await execution) as [number, Contract, Execution];
  const [report] = (await commission) as [CommissionReport];
  return { contract, order, status, reqId, exec, report };
}

async function accountTour({ gateway, client, orderId }: Rig) {
  gateway.setFillPolicy({ kind: 'rest' });
  client.api.placeOrder(orderId + 1, AAPL, {
    action: OrderAction.SELL,
    totalQuantity: 10,
    orderType: OrderType.LMT,
    lmtPrice: 150,
    transmit: true,
  });
  const openEnd = client.next(EventName.openOrderEnd);
  client.api.reqOpenOrders();
  const execEnd = client.next(EventName.execDetailsEnd);
  client.api.reqExecutions(105, { clientId: '21' });
  const position = client.next(EventName.position);
  const positionEnd = client.next(EventName.positionEnd);
  client.api.reqPositions();
  const summaryEnd = client.next(EventName.accountSummaryEnd);
  const summary = client.next(
    EventName.accountSummary,
    (_r: number, _a: string, tag: string) => tag === 'TotalCashValue',
  );
  client.api.reqAccountSummary(106, 'All', 'NetLiquidation,TotalCashValue,BuyingPower,AccountType');
  const portfolio = client.next(EventName.updatePortfolio);
  const downloadEnd = client.next(EventName.accountDownloadEnd);
  client.api.reqAccountUpdates(true, 'DU555');
  await openEnd;
  const result = {
    execEndId: (await execEnd)[0],
    position: (await position) as [string, Contract, number, number],
    cash: (await summary)[3],
    summaryEndId: (await summaryEnd)[0],
    portfolio: (await portfolio) as [Contract, number],
    downloadEnd: (await downloadEnd)[0],
  };
  await positionEnd;
  const cancelled = client.next(
    EventName.orderStatus,
    (id: number, status: string) => id === orderId + 1 && status === 'Cancelled',
  );
  client.api.cancelOrder(orderId + 1);
  await cancelled;
  return result;
}

describe('every message the fake sends decodes in the real @stoqey/ib client', () => {
  let rig: Rig;

  beforeEach(async () => {
    const gateway = await startFakeGateway({
      bars: syntheticBarFixtures(['AAPL', 'MSFT'], 20250602, 20250606),
      clock: createVirtualClock(NOW),
      realTimeBarIntervalMs: 0,
      accounts: ['DU555'],
    });
    const { client, orderId } = await connectClient(gateway.port, 21);
    rig = { gateway, client, orderId };
  });
  afterEach(async () => {
    rig.client.close();
    await rig.gateway.close();
  });

  it('decodes historical bars in the intraday (formatDate 1) and daily forms', async () => {
    const { hourly, days } = await historicalTour(rig);

    expect(hourly.map((bar) => bar.time.slice(9, 17))).toEqual([
      '09:00:00',
      '10:00:00',
      '11:00:00',
      '12:00:00',
      '13:00:00',
      '14:00:00',
      '15:00:00',
    ]);
    expect(hourly[0]?.time).toBe('20250605 09:00:00 US/Eastern');
    // A week back from Friday 11:00 New York: Monday to Thursday whole, Friday so far (9:30-11:00), as TWS does.
    expect(days.map((bar) => bar.time)).toEqual(['20250602', '20250603', '20250604', '20250605', '20250606']);
    expect(days.every((bar) => bar.volume === -1 && bar.wap === -1)).toBe(true);
    expect(rig.client.protocolErrors()).toEqual([]);
  });

  it('decodes contract details, current time and a real-time bar', async () => {
    const result = await contractTour(rig);

    expect(result.reqId).toBe(103);
    expect(result.endId).toBe(103);
    expect(result.contractDetails.contract.conId).toBe(265598);
    expect(result.contractDetails.minTick).toBe(0.01);
    expect(result.contractDetails.longName).toBe('APPLE INC');
    expect(result.epoch).toBe(NOW / 1000);
    expect(result.barTime).toBe(NOW / 1000);
    expect(result.open).toBeGreaterThan(0);
    expect(rig.client.protocolErrors()).toEqual([]);
  });

  it('decodes market-data ticks (live snapshot, delayed stream) and keepUpToDate updates', async () => {
    const result = await streamTour(rig);

    // Bid, ask and last around the fixture close at 11:00 (the 10:55 bar), then the delayed last (68).
    const last = result.ticks.find(([type]) => type === 4)?.[1] as number;
    expect(result.ticks.slice(0, 3).map(([type]) => type)).toEqual([1, 2, 4]);
    expect(result.ticks[0]?.[1]).toBeCloseTo(last - 0.01, 10);
    expect(result.ticks.at(-1)?.[0]).toBe(68);
    // The library reads minTick with readInt, so TWS's 0.01 arrives as 0 (reference section 1.4, item 8).
    expect(result.params).toEqual([107, 0, 'a60001', 3]);
    expect(result.type).toEqual([107, 1]);
    expect(result.timestamp).toEqual([107, 45, String(NOW / 1000)]);
    expect(result.halted).toEqual([107, 49, 0]);
    expect(result.snapshotId).toBe(107);
    expect(result.bars).toHaveLength(12);
    expect(result.update).toEqual([108, String(NOW / 1000), last]);
    expect(rig.client.protocolErrors()).toEqual([]);
  });

  it('decodes an order that fills: openOrder, orderStatus, execDetails and commissionReport', async () => {
    const { contract, order, status, reqId, exec, report } = await orderTour(rig);

    expect(contract.symbol).toBe('AAPL');
    expect(contract.conId).toBe(265598);
    expect(order).toMatchObject({
      action: 'BUY',
      totalQuantity: 300,
      orderType: 'LMT',
      lmtPrice: 101.25,
      orderRef: 'momentum-1',
      clientId: 21,
      account: 'DU555',
    });
    expect(status.slice(1, 5)).toEqual(['Filled', 300, 0, 101.25]);
    expect(status[5]).toBeGreaterThan(0);
    expect(reqId).toBe(-1);
    expect(exec).toMatchObject({
      orderId: rig.orderId,
      side: 'BOT',
      shares: 300,
      price: 101.25,
      cumQty: 300,
      avgPrice: 101.25,
      acctNumber: 'DU555',
    });
    expect(exec.execId).toMatch(/^0000e0d5\.[0-9a-f]{8}\.01\.01$/);
    // IBKR fixed pricing: 300 x 0.005 = 1.50; an opening fill has no realized P&L (unset double).
    expect(report).toMatchObject({ execId: exec.execId, commission: 1.5, currency: 'USD', realizedPNL: undefined });
    expect(rig.client.protocolErrors()).toEqual([]);
  });

  it('decodes open orders, the executions replay, positions and account data', async () => {
    await orderTour(rig);

    const result = await accountTour(rig);

    expect(result.execEndId).toBe(105);
    expect(result.position[0]).toBe('DU555');
    expect([result.position[1].symbol, result.position[2], result.position[3]]).toEqual(['AAPL', 300, 101.25]);
    // Cash: 1,000,000 - 300 x 101.25 - 1.50 commission.
    expect(result.cash).toBe('969623.50');
    expect(result.summaryEndId).toBe(106);
    expect([result.portfolio[0].symbol, result.portfolio[1]]).toEqual(['AAPL', 300]);
    expect(result.downloadEnd).toBe('DU555');
    expect(rig.client.protocolErrors()).toEqual([]);
  });

  it('sends every message type it can send, and the client decodes all of them without an error', async () => {
    await historicalTour(rig);
    await contractTour(rig);
    await streamTour(rig);
    await orderTour(rig);
    await accountTour(rig);

    const seen = new Set(rig.client.received.slice(1).map((tokens) => Number(tokens[0])));
    const missing = Object.entries(GatewayMessage).filter(([, id]) => !seen.has(id));

    expect(missing).toEqual([]);
    expect(rig.client.protocolErrors()).toEqual([]);
    expect(rig.client.errors.map((error) => error.code)).toEqual([202]);
  });
});
