import { afterEach, describe, expect, it } from 'vitest';
import { IB_PACING_RULES } from '../../core/ibkr/PacingScheduler.js';
import { createRandom } from '../../core/random/Random.js';
import { startFakeGateway, syntheticBarFixtures, type FakeGateway } from '../../devtools/fakeGateway/index.js';
import { VirtualClock } from './clocks.js';
import { fetchHistorical } from './fetchHistorical.js';
import type { FetchProgress, HistoricalSettings } from './fetchTypes.js';
import { IbConnection } from './IbConnection.js';
import { MemoryBarSink } from './MemoryBarSink.js';
import { MemoryCursorStore } from './MemoryCursorStore.js';

// Faults injected into the fake gateway while the real @stoqey/ib client fetches over TCP. January 2025 has four
// five-session chunks (Jan 9 was a closure), 1,560 five-minute bars per ticker.
const FIVE_MIN = 300_000;
const SETTINGS: HistoricalSettings = {
  whatToShow: 'TRADES',
  rth: true,
  requestTimeoutMs: 60_000,
  maxAttempts: 3,
  retryBaseMs: 5_000,
  pacingPauseMs: 60_000,
  maxOutageMs: 900_000,
  pacing: IB_PACING_RULES,
};
const JANUARY = { dataset: 'faults', startDay: 20250102, endDay: 20250131, barMs: FIVE_MIN };

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

interface Rig {
  readonly fake: FakeGateway;
  readonly clock: VirtualClock;
  readonly connection: IbConnection;
  readonly sink: MemoryBarSink;
}

/**
 * `stallMs`: real time with requests on the wire and no progress before virtual time moves on anyway. Short only
 * where the gateway is silenced; elsewhere long, because @stoqey/ib's own rate limiter (40 messages/s) may hold
 * requests back for a while on a loaded machine and a jump would time them out.
 */
async function rig(tickers: readonly string[], endDay = 20250131, stallMs = 5_000): Promise<Rig> {
  const clock = new VirtualClock(Date.parse('2025-03-03T14:00:00Z'), { stallMs });
  const fake = await startFakeGateway({ bars: syntheticBarFixtures(tickers, 20250102, endDay), clock });
  cleanup.push(() => fake.close());
  const connection = new IbConnection(
    {
      host: '127.0.0.1',
      port: fake.port,
      clientId: 31,
      maxReqPerSec: 40,
      connectTimeoutMs: 5_000,
      heartbeatIntervalMs: 600_000,
      heartbeatTimeoutMs: 10_000,
      backoff: { initialMs: 20, maxMs: 200, factor: 2 },
      resetWindows: [],
      resetZone: 'America/New_York',
    },
    // The connection shares the virtual clock, so requests still queued in @stoqey/ib's rate limiter hold time.
    { clock, random: createRandom(5, 'faults') },
  );
  cleanup.push(() => connection.close());
  await connection.connect();
  return { fake, clock, connection, sink: new MemoryBarSink() };
}

function run(
  { clock, connection, sink }: Rig,
  tickers: readonly string[],
  onProgress?: (progress: FetchProgress) => void,
  settings: HistoricalSettings = SETTINGS,
): ReturnType<typeof fetchHistorical> {
  const deps = { connection, clock, sink, cursors: new MemoryCursorStore(), settings };
  return fetchHistorical({ ...JANUARY, tickers }, onProgress ? { ...deps, onProgress } : deps);
}

const named = (fake: FakeGateway, name: string) => fake.requests.filter((entry) => entry.name === name);

function expectComplete(sink: MemoryBarSink, ticker: string): void {
  const ts = sink.barsOf(ticker).map((bar) => bar.ts);
  expect(new Set(ts).size, `${ticker}: no duplicates`).toBe(ts.length);
  expect(ts.length, `${ticker}: every January bar`).toBe(1_560);
}

async function poll(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition never met');
}

describe('fetchHistorical under injected faults (real client, fake gateway)', () => {
  it('gives up an unknown ticker on error 200 and still fetches the others', async () => {
    const setup = await rig(['AAPL']);

    const summary = await run(setup, ['AAPL', 'ZZZZ']);

    expectComplete(setup.sink, 'AAPL');
    const zzzz = summary.tickers.find((ticker) => ticker.ticker === 'ZZZZ')!;
    expect(zzzz.error).toMatchObject({
      code: 'IBKR_FETCH_FAILED',
      message: expect.stringMatching(/^ZZZZ: IB error 200/),
    });
    const asked = named(setup.fake, 'REQ_HISTORICAL_DATA').filter((entry) => entry.fields[3] === 'ZZZZ');
    expect(asked.length, 'each ZZZZ chunk asked at most once: a fatal error is not retried').toBeLessThanOrEqual(4);
    expect(new Set(asked.map((entry) => entry.fields[15])).size).toBe(asked.length);
  });

  it('treats HMDS "no data" as an empty, finished chunk', async () => {
    const setup = await rig(['AAPL'], 20250117);

    const summary = await run(setup, ['AAPL']);

    expect(summary.tickers[0]!.error).toBeUndefined();
    expect(summary.tickers[0]!.chunksFetched).toBe(4);
    // Fixtures end on Friday 2025-01-17: 11 sessions of 78 bars; the last chunk (Jan 27-31) has none.
    expect(setup.sink.barsOf('AAPL')).toHaveLength(858);
  });

  it('cancels a request the gateway never answers, retries it 15 s later at the earliest, then gives up', async () => {
    const setup = await rig(['AAPL'], 20250131, 250);
    setup.fake.faults.silence.add('REQ_HISTORICAL_DATA');

    const summary = await run(setup, ['AAPL'], undefined, { ...SETTINGS, maxAttempts: 2 });

    await poll(() => named(setup.fake, 'CANCEL_HISTORICAL_DATA').length >= 8);
    const sent = named(setup.fake, 'REQ_HISTORICAL_DATA');
    const cancels = named(setup.fake, 'CANCEL_HISTORICAL_DATA');
    expect(sent.length).toBe(8);
    expect(cancels.map((entry) => entry.fields[2])).toEqual(
      expect.arrayContaining(sent.map((entry) => entry.fields[1])),
    );
    const first = sent.filter((entry) => entry.fields[15] === '20250108-21:00:00');
    expect(first).toHaveLength(2);
    expect(first[1]!.atMs - first[0]!.atMs).toBeGreaterThanOrEqual(65_000);
    expect(summary.tickers[0]!.error?.message).toMatch(/no answer within 60000 ms, 2 attempts/);
    expect(setup.fake.pacing.violations).toEqual([]);
  });

  it('pauses every request after IB reports a pacing violation, then finishes the chunk', async () => {
    const setup = await rig(['AAPL']);
    setup.fake.faults.historicalLatencyMs = 60;
    const done = run(setup, ['AAPL']);
    await poll(() => named(setup.fake, 'REQ_HISTORICAL_DATA').length > 0);
    const [first] = named(setup.fake, 'REQ_HISTORICAL_DATA');
    const pacingText = 'Historical Market Data Service error message:Historical data request pacing violation';

    setup.fake.inject.error(Number(first!.fields[1]), 162, pacingText);
    const summary = await done;

    expect(summary.pacingViolations).toBe(1);
    expectComplete(setup.sink, 'AAPL');
    const retries = named(setup.fake, 'REQ_HISTORICAL_DATA').filter((e) => e.fields[15] === first!.fields[15]);
    expect(retries).toHaveLength(2);
    expect(retries[1]!.atMs - first!.atMs).toBeGreaterThanOrEqual(60_000);
  });

  it('stops with a resumable error when the gateway stays away longer than max_outage_ms', async () => {
    const setup = await rig(['AAPL']);
    setup.fake.faults.historicalLatencyMs = 1_000;
    const fetching = run(setup, ['AAPL'], undefined, { ...SETTINGS, maxOutageMs: 30_000 }).catch(
      (error: unknown) => error,
    );
    await poll(() => named(setup.fake, 'REQ_HISTORICAL_DATA').length > 0);

    setup.fake.faults.refuseConnections = true;
    setup.fake.inject.dropAll();
    const outcome = await fetching;

    expect(outcome).toMatchObject({
      code: 'IBKR_OUTAGE',
      message: expect.stringContaining(
        `127.0.0.1:${setup.fake.port} (or its link to IB) was down for more than 30000 ms`,
      ),
    });
    expect(setup.sink.appends).toBe(0);
  });

  it.each([
    ['a dropped socket', (fake: FakeGateway) => fake.inject.dropAll()],
    ['1100 then 1101 (data lost)', (fake: FakeGateway) => (fake.inject.info(1100), fake.inject.info(1101))],
  ])('resends the open requests after %s and stores every bar once', async (_name, fault) => {
    const setup = await rig(['AAPL', 'MSFT']);
    setup.fake.faults.historicalLatencyMs = 40;
    let injected = false;

    const summary = await run(setup, ['AAPL', 'MSFT'], () => {
      if (injected) return;
      injected = true;
      fault(setup.fake);
    });

    expect(summary.tickers.map((ticker) => ticker.error?.message ?? 'ok')).toEqual(['ok', 'ok']);
    expectComplete(setup.sink, 'AAPL');
    expectComplete(setup.sink, 'MSFT');
    expect(summary.requests).toBeGreaterThan(8);
    expect(setup.sink.appends).toBe(8);
    expect(setup.fake.pacing.violations).toEqual([]);
  });
});
