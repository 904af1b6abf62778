import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { IB_PACING_RULES } from '../../core/ibkr/PacingScheduler.js';
import { startFakeGateway, syntheticBarFixtures } from '../../devtools/fakeGateway/index.js';
import type { IbConnectionSettings } from './connectionTypes.js';
import { IbkrDataSource } from './IbkrDataSource.js';

// The DataSource over TCP: the real @stoqey/ib client against the fake gateway, on the system clock (a few requests).
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const connectionFor = (port: number): IbConnectionSettings => ({
  host: '127.0.0.1',
  port,
  clientId: 41,
  maxReqPerSec: 40,
  connectTimeoutMs: 2_000,
  heartbeatIntervalMs: 60_000,
  heartbeatTimeoutMs: 5_000,
  backoff: { initialMs: 50, maxMs: 500, factor: 2 },
  resetWindows: [],
  resetZone: 'America/New_York',
});

const historical = {
  whatToShow: 'TRADES',
  rth: true,
  requestTimeoutMs: 10_000,
  maxAttempts: 2,
  retryBaseMs: 100,
  pacingPauseMs: 1_000,
  maxOutageMs: 900_000,
  pacing: IB_PACING_RULES,
};

describe('IbkrDataSource', () => {
  it('returns unified bars of the inclusive UTC range, sorted by ticker, labelled ibkr', async () => {
    const fixtures = syntheticBarFixtures(['MSFT', 'AAPL'], 20250102, 20250110);
    const fake = await startFakeGateway({ bars: fixtures });
    cleanup.push(() => fake.close());
    const source = new IbkrDataSource({ connection: connectionFor(fake.port), historical });
    // Thursday's session and Friday's up to and including the 15:00 UTC bar (10:00 New York): 78 + 7 bars.
    const request = {
      tickers: ['MSFT', 'AAPL'],
      startMs: Date.parse('2025-01-02T00:00:00Z'),
      endMs: Date.parse('2025-01-03T15:00:00Z'),
      barMs: 300_000,
    };

    const result = await source.fetch(request);

    expect(result.bars.batches.map((batch) => [batch.ticker, batch.length])).toEqual([
      ['AAPL', 85],
      ['MSFT', 85],
    ]);
    const aapl = result.bars.batches[0]!;
    expect(aapl.ts[0]).toBe(Date.parse('2025-01-02T14:30:00Z'));
    expect(aapl.ts[84]).toBe(request.endMs);
    const fixture = fixtures.batches.find((batch) => batch.ticker === 'AAPL')!;
    expect(Array.from(aapl.close)).toEqual(Array.from(fixture.close.subarray(0, 85)));
    expect(result.bars.origin).toEqual({
      kind: 'ibkr',
      detail: `IB 127.0.0.1:${fake.port}, TRADES, 5m bars, regular hours`,
    });
    expect(result.quarantine).toMatchObject({ rowsIn: 170, rowsOut: 170, rows: [] });
  });

  it('throws a typed error naming the ticker when IB has no such contract', async () => {
    const fake = await startFakeGateway({ bars: syntheticBarFixtures(['AAPL'], 20250102, 20250103) });
    cleanup.push(() => fake.close());
    const source = new IbkrDataSource({ connection: connectionFor(fake.port), historical });

    const fetching = source.fetch({
      tickers: ['NOPE'],
      startMs: Date.parse('2025-01-02T00:00:00Z'),
      endMs: Date.parse('2025-01-03T23:00:00Z'),
      barMs: 300_000,
    });

    await expect(fetching).rejects.toMatchObject({
      code: 'IBKR_FETCH_FAILED',
      message: expect.stringContaining('NOPE: IB error 200'),
    });
  });

  it('reports health: accounts when the gateway answers, the reason when it does not', async () => {
    const fake = await startFakeGateway({ accounts: ['DU42'] });
    cleanup.push(() => fake.close());
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const closedPort = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const up = await new IbkrDataSource({ connection: connectionFor(fake.port), historical }).healthcheck();
    const down = await new IbkrDataSource({ connection: connectionFor(closedPort), historical }).healthcheck();

    expect(up).toEqual({ ok: true, detail: `connected to 127.0.0.1:${fake.port} as client 41, accounts DU42` });
    expect(down.ok).toBe(false);
    expect(down.detail).toContain(`cannot reach IB Gateway/TWS at 127.0.0.1:${closedPort}`);
  });
});
