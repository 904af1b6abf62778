import { readFileSync } from 'node:fs';
import { BarSizeSetting, SecType } from '@stoqey/ib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SMALL_5MIN, describeWithShared, sharedFile } from '../../tests/support/sharedData.js';
import { loadBarFixtures } from './market/loadBarFixtures.js';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { collectHistorical, connectClient } from './testing/clientHarness.js';

describeWithShared(SMALL_5MIN, 'fake gateway serving real 5-minute bars to the real @stoqey/ib client', () => {
  let gateway: FakeGateway;
  let client: ClientHarness;

  beforeAll(async () => {
    gateway = await startFakeGateway({ bars: await loadBarFixtures(sharedFile(SMALL_5MIN)) });
    ({ client } = await connectClient(gateway.port, 51));
  });
  afterAll(async () => {
    client.close();
    await gateway.close();
  });

  it('returns one week of AAPL exactly as the file has it (read here with a plain line split)', async () => {
    const expected = readFileSync(sharedFile(SMALL_5MIN), 'utf8')
      .split('\n')
      .map((line) => line.split(','))
      .filter(([symbol, ts]) => symbol === 'AAPL' && ts !== undefined && ts >= '2025-06-09' && ts < '2025-06-14')
      .map(([, ts, open, high, low, close, volume]) => [
        ts,
        Number(open),
        Number(high),
        Number(low),
        Number(close),
        Number(volume),
      ]);
    const result = collectHistorical(client, 1);

    client.api.reqHistoricalData(
      1,
      { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' },
      '20250613 16:00:00 US/Eastern',
      '1 W',
      BarSizeSetting.MINUTES_FIVE,
      'TRADES',
      1,
      1,
      false,
    );
    const { bars, end } = await result;

    expect(expected).toHaveLength(390);
    // formatDate 1 writes New York wall time, the file's own convention: compare the text directly.
    const served = bars.map((bar) => [
      `${bar.time.slice(0, 4)}-${bar.time.slice(4, 6)}-${bar.time.slice(6, 8)} ${bar.time.slice(9, 17)}`,
      bar.open,
      bar.high,
      bar.low,
      bar.close,
      bar.volume,
    ]);
    expect(served).toEqual(expected);
    expect(end).toBe('finished-20250606 16:00:00 US/Eastern-20250613 16:00:00 US/Eastern');
    expect(client.protocolErrors()).toEqual([]);
  });
});
