import type { Contract } from '@stoqey/ib';
import { BarSizeSetting, EventName, SecType } from '@stoqey/ib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from './clock.js';
import { syntheticBarFixtures } from './market/loadBarFixtures.js';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { connectClient } from './testing/clientHarness.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };

describe('historical request errors as the real @stoqey/ib client reports them', () => {
  let gateway: FakeGateway;
  let client: ClientHarness;
  let clock: ReturnType<typeof createVirtualClock>;

  beforeAll(async () => {
    clock = createVirtualClock(Date.UTC(2025, 5, 6, 21, 0));
    gateway = await startFakeGateway({
      bars: syntheticBarFixtures(['AAPL'], 20250602, 20250606),
      clock,
      symbols: ['ZZZZ'],
    });
    ({ client } = await connectClient(gateway.port, 71));
  });
  afterAll(async () => {
    client.close();
    await gateway.close();
  });

  async function errorFor(reqId: number, send: () => void): Promise<[number, string]> {
    const error = client.next(EventName.error, (_e: Error, _code: number, id: number) => id === reqId);
    // Each case moves the clock 20 s so pacing never interferes with what is being tested.
    clock.advance(20_000);
    send();
    const [reported, code] = (await error) as [Error, number];
    return [code, reported.message];
  }

  it('answers an unknown stock with 200', async () => {
    const result = await errorFor(1, () =>
      client.api.reqHistoricalData(
        1,
        { ...AAPL, symbol: 'NOPE' },
        '',
        '1 D',
        BarSizeSetting.MINUTES_FIVE,
        'TRADES',
        1,
        2,
        false,
      ),
    );

    expect(result).toEqual([200, 'No security definition has been found for the request']);
  });

  it('answers a bad bar size, duration or end date with 321', async () => {
    const bar = await errorFor(2, () =>
      client.api.reqHistoricalData(2, AAPL, '', '1 D', '7 mins' as BarSizeSetting, 'TRADES', 1, 2, false),
    );
    const duration = await errorFor(3, () =>
      client.api.reqHistoricalData(3, AAPL, '', '1 day', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, false),
    );
    const end = await errorFor(4, () =>
      client.api.reqHistoricalData(4, AAPL, '2025-06-06', '1 D', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, false),
    );

    expect([bar[0], duration[0], end[0]]).toEqual([321, 321, 321]);
    expect(bar[1]).toContain('bar size setting is invalid: "7 mins"');
    expect(duration[1]).toContain('duration format is invalid: "1 day"');
    expect(end[1]).toContain('End date not valid: "2025-06-06"');
  });

  it('answers a duration beyond the step limit with 162 and a window without bars with 162 no data', async () => {
    const step = await errorFor(5, () =>
      client.api.reqHistoricalData(5, AAPL, '', '2 W', BarSizeSetting.MINUTES_FIVE, 'TRADES', 1, 2, false),
    );
    const empty = await errorFor(6, () =>
      client.api.reqHistoricalData(
        6,
        { ...AAPL, symbol: 'ZZZZ' },
        '',
        '1 D',
        BarSizeSetting.MINUTES_FIVE,
        'TRADES',
        1,
        2,
        false,
      ),
    );

    expect(step).toEqual([162, 'Historical Market Data Service error message:Time length exceed max.']);
    expect(empty).toEqual([
      162,
      'Historical Market Data Service error message:HMDS query returned no data: ZZZZ@SMART Trades',
    ]);
    expect(client.protocolErrors()).toEqual([]);
    expect(gateway.pacing.violations).toEqual([]);
  });
});
