import type { Contract } from '@stoqey/ib';
import { BarSizeSetting, EventName, SecType } from '@stoqey/ib';
import { afterEach, describe, expect, it } from 'vitest';
import type { VirtualClock } from './clock.js';
import { createVirtualClock } from './clock.js';
import { syntheticBarFixtures } from './market/loadBarFixtures.js';
import type { FakeGatewayOptions, FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';
import type { ClientHarness } from './testing/clientHarness.js';
import { collectHistorical, connectClient } from './testing/clientHarness.js';

const AAPL: Contract = { symbol: 'AAPL', secType: SecType.STK, exchange: 'SMART', currency: 'USD' };
const NOW = Date.UTC(2025, 5, 6, 21, 0);
const PACING = 'Historical Market Data Service error message:Historical data request pacing violation';

describe('fake gateway pacing as the real @stoqey/ib client sees it', () => {
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

  /** Sends one 5-minute request; resolves with 'bars', 'pacing' (162 pacing violation) or the other error code. */
  async function request(client: ClientHarness, reqId: number, end: string, symbol = 'AAPL'): Promise<string | number> {
    const bars = collectHistorical(client, reqId).then(() => 'bars' as const);
    const error = client
      .next(EventName.error, (_e: Error, _code: number, id: number) => id === reqId)
      .then(([error, code]) => ((error as Error).message === PACING ? 'pacing' : (code as number)));
    client.api.reqHistoricalData(
      reqId,
      { ...AAPL, symbol },
      end,
      '1 D',
      BarSizeSetting.MINUTES_FIVE,
      'TRADES',
      1,
      2,
      false,
    );
    const outcome = await Promise.race([bars, error]);
    return outcome;
  }

  it('answers an identical request within 15 s with 162 pacing violation, and allows it at 15 s', async () => {
    const { gateway, client } = await setUp();

    expect(await request(client, 1, '20250605-20:00:00')).toBe('bars');
    clock.advance(14_999);
    const message = client.next(EventName.error, (_e: Error, _c: number, id: number) => id === 2);
    expect(await request(client, 2, '20250605-20:00:00')).toBe('pacing');
    expect((await message)[1]).toBe(162);
    clock.advance(15_000);
    expect(await request(client, 3, '20250605-20:00:00')).toBe('bars');

    expect(gateway.pacing.violations.map((violation) => [violation.rule, violation.reqId])).toEqual([
      ['IDENTICAL_WITHIN_15_SECONDS', 2],
    ]);
  });

  it('counts six requests for one contract within 2 s as a violation, and other contracts apart', async () => {
    const { gateway, client } = await setUp();
    const outcomes: (string | number)[] = [];
    for (let day = 2; day <= 6; day += 1) outcomes.push(await request(client, 10 + day, `2025060${day}-20:00:00`));
    outcomes.push(await request(client, 20, '20250606-20:00:00', 'MSFT'));
    outcomes.push(await request(client, 21, '20250606-19:00:00'));
    clock.advance(2_000);
    outcomes.push(await request(client, 22, '20250606-18:00:00'));

    expect(outcomes).toEqual(['bars', 'bars', 'bars', 'bars', 'bars', 'bars', 'pacing', 'bars']);
    expect(gateway.pacing.violations.map((violation) => violation.rule)).toEqual([
      'SIX_SAME_CONTRACT_WITHIN_2_SECONDS',
    ]);
  });

  it('allows 60 requests in 10 minutes and refuses the 61st until the oldest leaves the window', async () => {
    const { gateway, client } = await setUp();
    const outcomes: (string | number)[] = [];
    for (let i = 0; i < 61; i += 1) {
      outcomes.push(
        await request(
          client,
          100 + i,
          `20250606-${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
        ),
      );
      clock.advance(2_000);
    }
    // Requests i = 0..60 arrived at NOW + 2 s x i, the refused 61st included (refused ones count too). At
    // NOW + 602 s the window (602 s - 10 min, 602 s] holds i = 2..60: 59 requests, so one more is allowed.
    clock.set(NOW + 602_000);
    outcomes.push(await request(client, 200, '20250605-15:00:00'));

    expect(outcomes.slice(0, 60).every((outcome) => outcome === 'bars')).toBe(true);
    expect(outcomes.slice(60)).toEqual(['pacing', 'bars']);
    expect(gateway.pacing.violations.map((violation) => violation.rule)).toEqual(['MORE_THAN_60_IN_10_MINUTES']);
    expect(gateway.pacing.requestCount).toBe(62);
  });

  it('counts requests waiting for an answer as open and refuses the 51st open one', async () => {
    const symbols = Array.from({ length: 51 }, (_, i) => `S${i}`);
    const { gateway, client } = await setUp({ symbols, faults: { historicalLatencyMs: 4_000 } });
    const refused = client.next(EventName.error, (_e: Error, _code: number, id: number) => id === 350, 4_000);

    symbols.forEach((symbol, i) =>
      client.api.reqHistoricalData(
        300 + i,
        { ...AAPL, symbol },
        '',
        '1 D',
        BarSizeSetting.MINUTES_FIVE,
        'TRADES',
        1,
        2,
        false,
      ),
    );
    const [error, code] = (await refused) as [Error, number];

    expect([code, error.message]).toEqual([162, PACING]);
    expect(gateway.pacing.violations.map((violation) => [violation.rule, violation.reqId])).toEqual([
      ['MORE_THAN_50_OPEN', 350],
    ]);
  });
});
