import { BarSizeSetting, EventName, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticBarFixtures } from './market/loadBarFixtures.js';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { collectHistorical, connectClient, createClient, untilReceived } from './testing/clientHarness.js';

describe('fake gateway with the real @stoqey/ib client: startup', () => {
  let gateway: FakeGateway | undefined;
  const clients: ClientHarness[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await gateway?.close();
  });

  it('negotiates server version 193 and sends managedAccounts and nextValidId', async () => {
    gateway = await startFakeGateway({ accounts: ['DU111', 'DU222'], firstOrderId: 42 });
    const client = createClient(gateway.port, 11);
    clients.push(client);
    const accounts = client.next(EventName.managedAccounts);

    const [orderId] = await client.next(EventName.nextValidId);

    expect(orderId).toBe(42);
    expect((await accounts)[0]).toBe('DU111,DU222');
    expect(client.api.serverVersion).toBe(193);
    expect(gateway.requests[0]).toMatchObject({ name: 'HANDSHAKE', fields: ['API', 'v100..193'] });
    expect(gateway.requests[1]).toMatchObject({ name: 'START_API', fields: ['71', '2', '11', ''] });
    expect(client.protocolErrors()).toEqual([]);
  });

  it('keeps at most requestLogLimit messages, dropping the oldest', async () => {
    gateway = await startFakeGateway({ requestLogLimit: 10 });
    const { client } = await connectClient(gateway.port, 13);
    clients.push(client);

    for (let i = 0; i < 30; i += 1) client.api.reqCurrentTime();
    await untilReceived(gateway.requests, 'REQ_CURRENT_TIME', 5);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(gateway.requests.length).toBeLessThanOrEqual(10);
    expect(gateway.requests.every((request) => request.name === 'REQ_CURRENT_TIME')).toBe(true);
  });

  it('serves historical bars that the client decodes without errors', async () => {
    gateway = await startFakeGateway({ bars: syntheticBarFixtures(['AAPL'], 20250602, 20250606) });
    const { client } = await connectClient(gateway.port, 12);
    clients.push(client);
    const result = collectHistorical(client, 7);

    client.api.reqHistoricalData(
      7,
      { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      '20250606-20:00:00',
      '1 D',
      BarSizeSetting.MINUTES_FIVE,
      'TRADES',
      1,
      2,
      false,
    );
    const { bars, end } = await result;

    expect(bars).toHaveLength(78);
    expect(bars[0]?.time).toBe(String(Date.UTC(2025, 5, 6, 13, 30) / 1000));
    expect(end).toBe('finished-20250606 00:00:00 US/Eastern-20250606 16:00:00 US/Eastern');
    expect(client.protocolErrors()).toEqual([]);
  });
});
