import type { Contract } from '@stoqey/ib';
import { BarSizeSetting, EventName, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { VirtualClock } from './clock.js';
import { createVirtualClock } from './clock.js';
import { syntheticBarFixtures } from './market/loadBarFixtures.js';
import type { FakeGatewayOptions, FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { collectHistorical, connectClient, createClient, untilReceived } from './testing/clientHarness.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const NOW = Date.UTC(2025, 5, 6, 21, 0);

describe('fake gateway faults as the real @stoqey/ib client sees them', () => {
  let gateway: FakeGateway | undefined;
  let clock: VirtualClock;
  const clients: ClientHarness[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await gateway?.close();
  });

  async function setUp(options: FakeGatewayOptions = {}, clientId = 41) {
    clock = createVirtualClock(NOW);
    gateway = await startFakeGateway({
      bars: syntheticBarFixtures(['AAPL', 'MSFT'], 20250602, 20250606),
      clock,
      realTimeBarIntervalMs: 0,
      ...options,
    });
    const { client } = await connectClient(gateway.port, clientId);
    clients.push(client);
    return { gateway, client };
  }

  it('refuses connections while the gateway restarts: the client is disconnected before nextValidId', async () => {
    gateway = await startFakeGateway({ faults: { refuseConnections: true } });
    const client = createClient(gateway.port, 13);
    clients.push(client);
    const ready = client.next(EventName.nextValidId, undefined, 1_000).then(
      () => 'ready',
      () => 'never ready',
    );

    await client.next(EventName.disconnected);

    expect(await ready).toBe('never ready');
    expect(gateway.requests).toEqual([]);
  });

  it('stays silent on a silenced request; a cancel then gets 162 "query cancelled" and a second cancel 366', async () => {
    const { client } = await setUp({ faults: { silence: ['REQ_HISTORICAL_DATA'] } });
    const silent = collectHistorical(client, 7, 300);
    client.api.reqHistoricalData(7, AAPL, '', '1 D', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, false);
    await expect(silent).rejects.toThrow('did not finish');
    const cancelled = client.next(EventName.error, (_e: Error, code: number) => code === 162);
    client.api.cancelHistoricalData(7);
    const [cancelError, , cancelId] = (await cancelled) as [Error, number, number];
    const late = client.next(EventName.error, (_e: Error, code: number) => code === 366);
    client.api.cancelHistoricalData(7);
    const [lateError] = (await late) as [Error];

    expect(cancelId).toBe(7);
    expect(cancelError.message).toBe(
      'Historical Market Data Service error message:API historical data query cancelled: 7',
    );
    expect(lateError.message).toBe('No historical data query found for ticker id:7');
  });

  it('delivers an injected late error with its request id', async () => {
    const { gateway, client } = await setUp();
    const late = client.next(EventName.error, (_e: Error, code: number) => code === 162);

    gateway.inject.error(
      9,
      162,
      'Historical Market Data Service error message:HMDS query returned no data: AAPL@SMART Trades',
      { delayMs: 50 },
    );
    const [error, , id] = (await late) as [Error, number, number];

    expect(id).toBe(9);
    expect(error.message).toContain('HMDS query returned no data');
  });

  it('reports 1100, 1101 and 1102 on info; 1100 pauses real-time bars and 1101 drops the subscription', async () => {
    const { gateway, client } = await setUp();
    const bars: number[] = [];
    client.events.on(EventName.realtimeBar, ((id: number) => bars.push(id)) as never);
    client.api.reqRealTimeBars(5, AAPL, 5, 'TRADES', true);
    await untilReceived(gateway.requests, 'REQ_REAL_TIME_BARS');
    const lost = client.next(EventName.info, (_m: string, code: number) => code === 1100);
    gateway.inject.info(1100);
    await lost;
    gateway.inject.realTimeBars();
    const maintained = client.next(EventName.info, (_m: string, code: number) => code === 1102);
    gateway.inject.info(1102);
    await maintained;
    const first = client.next(EventName.realtimeBar);
    gateway.inject.realTimeBars();
    await first;
    const dataLost = client.next(EventName.info, (_m: string, code: number) => code === 1101);
    gateway.inject.info(1101);
    await dataLost;
    gateway.inject.realTimeBars();
    await client.next(EventName.currentTime, undefined, 100).catch(() => undefined);

    expect(bars).toEqual([5]);
    expect(
      client.infos.filter((info) => info.code >= 1100 && info.code <= 1102).map((info) => [info.code, info.message]),
    ).toEqual([
      [1100, 'Connectivity between IB and Trader Workstation has been lost.'],
      [1102, 'Connectivity between IB and Trader Workstation has been restored - data maintained.'],
      [1101, 'Connectivity between IB and Trader Workstation has been restored - data lost.'],
    ]);
  });

  it('answers market data with 354 when the account has no subscription', async () => {
    const { client } = await setUp({ faults: { marketDataNotSubscribed: true } });
    const refused = client.next(EventName.error, (_e: Error, code: number) => code === 354);

    client.api.reqMktData(8, AAPL, '', false, false);
    const [error, , id] = (await refused) as [Error, number, number];

    expect(id).toBe(8);
    expect(error.message).toMatch(/^Requested market data is not subscribed/);
  });

  it('drops the socket: the client sees disconnected', async () => {
    const { gateway, client } = await setUp();
    const disconnected = client.next(EventName.disconnected);

    gateway.inject.dropAll();
    await disconnected;

    expect(client.api.isConnected).toBe(false);
    expect(gateway.connectedClientIds()).toEqual([]);
  });

  it('goes half-open: the socket stays up but a heartbeat gets no answer', async () => {
    const { gateway, client } = await setUp();
    client.api.reqCurrentTime();
    await client.next(EventName.currentTime);

    gateway.inject.halfOpen();
    client.api.reqCurrentTime();

    await expect(client.next(EventName.currentTime, undefined, 300)).rejects.toThrow('no currentTime');
    expect(client.api.isConnected).toBe(true);
    expect(gateway.connectedClientIds()).toEqual([41]);
  });

  it('refuses a second connection with a client id in use: info 326, then the socket closes', async () => {
    const { gateway } = await setUp({}, 7);
    const second = createClient(gateway.port, 7);
    clients.push(second);
    const refused = second.next(EventName.info, (_m: string, code: number) => code === 326);
    const closed = second.next(EventName.disconnected);

    const [message] = (await refused) as [string];
    await closed;

    expect(message).toBe('Unable to connect as the client id is already in use. Retry with a unique client id.');
    expect(gateway.connectedClientIds()).toEqual([7]);
  });

  it('answers more than 50 messages in a second with info 100 and closes the socket on the third time', async () => {
    clock = createVirtualClock(NOW);
    gateway = await startFakeGateway({ clock, realTimeBarIntervalMs: 0 });
    const client = createClient(gateway.port, 9, 2_000);
    clients.push(client);
    await client.next(EventName.nextValidId);
    const rate = client.next(EventName.info, (_m: string, code: number) => code === 100);
    const closed = client.next(EventName.disconnected);

    for (let i = 0; i < 200; i += 1) client.api.reqCurrentTime();
    const [message] = (await rate) as [string];
    await closed;

    expect(message).toMatch(/^Max rate of messages per second has been exceeded:max=50 rec=51/);
    expect(client.infos.filter((info) => info.code === 100)).toHaveLength(3);
  });

  it('holds back nextValidId with silentStart, so the client queues requests', async () => {
    clock = createVirtualClock(NOW);
    gateway = await startFakeGateway({ clock, faults: { silentStart: true } });
    const client = createClient(gateway.port, 12);
    clients.push(client);
    await client.next(EventName.connected);
    client.api.reqCurrentTime();

    await expect(client.next(EventName.nextValidId, undefined, 300)).rejects.toThrow('no nextValidId');
    expect(gateway.requests.map((entry) => entry.name)).toEqual(['HANDSHAKE', 'START_API']);
  });
});
