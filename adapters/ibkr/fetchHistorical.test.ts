import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bar } from '../../core/data/Bar.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import { IB_PACING_RULES } from '../../core/ibkr/PacingScheduler.js';
import { planChunks } from '../../core/ibkr/planChunks.js';
import { createRandom } from '../../core/random/Random.js';
import { startFakeGateway, syntheticBarFixtures, type FakeGateway } from '../../devtools/fakeGateway/index.js';
import { VirtualClock } from './clocks.js';
import { fetchHistorical } from './fetchHistorical.js';
import type { HistoricalSettings } from './fetchTypes.js';
import { FileCursorStore } from './FileCursorStore.js';
import { FilePacingLog } from './FilePacingLog.js';
import { IbConnection } from './IbConnection.js';
import { MemoryBarSink } from './MemoryBarSink.js';

// The real @stoqey/ib client over TCP against the fake gateway; the fake and the fetcher share one virtual clock,
// so IB's 10-minute pacing windows pass in milliseconds and the fake judges every request by the same time.
const TICKERS = ['AAPL', 'MSFT', 'GOOG'];
const FIVE_MIN = 300_000;
const SETTINGS: HistoricalSettings = {
  whatToShow: 'TRADES',
  rth: true,
  requestTimeoutMs: 60_000,
  maxAttempts: 4,
  retryBaseMs: 5_000,
  pacingPauseMs: 60_000,
  maxOutageMs: 900_000,
  pacing: IB_PACING_RULES,
};

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function connect(port: number, clock: VirtualClock): Promise<IbConnection> {
  const connection = new IbConnection(
    {
      host: '127.0.0.1',
      port,
      clientId: 21,
      maxReqPerSec: 40,
      connectTimeoutMs: 5_000,
      heartbeatIntervalMs: 600_000,
      heartbeatTimeoutMs: 10_000,
      backoff: { initialMs: 50, maxMs: 500, factor: 2 },
      resetWindows: [],
      resetZone: 'America/New_York',
    },
    // The connection shares the virtual clock, so requests still queued in @stoqey/ib's rate limiter hold time.
    { clock, random: createRandom(1, 'fetch-test') },
  );
  cleanup.push(() => connection.close());
  return connection.connect().then(() => connection);
}

function historicalRequests(fake: FakeGateway): { symbol: string; end: string }[] {
  return fake.requests
    .filter((entry) => entry.name === 'REQ_HISTORICAL_DATA')
    .map((entry) => ({ symbol: entry.fields[3]!, end: entry.fields[15]! }));
}

function fixtureBars(fixtures: BarSet, ticker: string): Bar[] {
  const batch = fixtures.batches.find((candidate) => candidate.ticker === ticker)!;
  return Array.from({ length: batch.length }, (_, i) => ({
    ticker,
    ts: batch.ts[i]!,
    open: batch.open[i]!,
    high: batch.high[i]!,
    low: batch.low[i]!,
    close: batch.close[i]!,
    volume: batch.volume[i]!,
  }));
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('fetchHistorical over TCP against the fake gateway', () => {
  it('fetches a year of 5-minute bars for 3 tickers with no pacing violation and resumes after a crash', async () => {
    const fixtures = syntheticBarFixtures(TICKERS, 20250101, 20251231, FIVE_MIN, 7);
    // A long stall limit: nothing here is silenced, and @stoqey/ib's rate limiter may hold requests back a while.
    const clock = new VirtualClock(Date.parse('2026-01-05T14:00:00Z'), { stallMs: 5_000 });
    const fake = await startFakeGateway({ bars: fixtures, clock });
    cleanup.push(() => fake.close());
    const dir = mkdtempSync(join(tmpdir(), 'ibkr-fetch-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const cursors = new FileCursorStore(dir);
    const pacingLog = new FilePacingLog(join(dir, 'pacing.json'));
    const store = new MemoryBarSink();
    const plan = { dataset: 'test-5m', tickers: TICKERS, startDay: 20250101, endDay: 20251231, barMs: FIVE_MIN };
    const chunks = planChunks({ startDay: 20250101, endDay: 20251231, barMs: FIVE_MIN, rth: true });
    const written = new Set<string>();

    // Run 1 dies in the middle of its 61st store write: the bars are stored, the cursor still says "pending".
    const crash = new Error('simulated crash');
    const crashing = {
      append: async (ticker: string, barMs: number, bars: readonly Bar[]): Promise<void> => {
        await store.append(ticker, barMs, bars);
        written.add(`${ticker}|${bars[0]!.ts}`);
        if (store.appends === 61) throw crash;
      },
      countBars: store.countBars.bind(store),
    };
    const first = await connect(fake.port, clock);
    const startedMs = clock.now();
    const failure = await fetchHistorical(plan, {
      connection: first,
      clock,
      sink: crashing,
      cursors,
      pacingLog,
      settings: SETTINGS,
    }).catch((error: unknown) => error);
    expect(failure).toBe(crash);
    first.close();
    await until(() => fake.connectedClientIds().length === 0);
    const run1Requests = historicalRequests(fake).length;
    expect(store.appends).toBe(61);

    // Run 2: a new process would see the same cursor files and the same store.
    const second = await connect(fake.port, clock);
    const progressSkipped: string[] = [];
    const summary = await fetchHistorical(plan, {
      connection: second,
      clock,
      sink: store,
      cursors,
      pacingLog,
      settings: SETTINGS,
      onProgress: (progress) => {
        if (progress.bars === 0) progressSkipped.push(progress.ticker);
      },
    });
    const elapsedMs = clock.now() - startedMs;
    console.log(
      'DBG',
      elapsedMs,
      summary.requests,
      summary.pacingViolations,
      run1Requests,
      summary.startedMs - startedMs,
      summary.endedMs - startedMs,
    );

    expect(fake.pacing.violations, 'pacing violations seen by the fake').toEqual([]);
    expect(summary.pacingViolations).toBe(0);
    const run2 = historicalRequests(fake).slice(run1Requests);
    const run2Keys = run2.map((request) => `${request.symbol}|${request.end}`);
    expect(new Set(run2Keys).size, 'no chunk asked twice in run 2').toBe(run2Keys.length);
    const expectedBars = new Map(TICKERS.map((ticker) => [ticker, fixtureBars(fixtures, ticker)]));
    const refetched = run2.filter((request) => {
      const fromMs = chunks.find((chunk) => chunk.endDateTime === request.end)!.fromMs;
      const first = expectedBars.get(request.symbol)!.find((bar) => bar.ts >= fromMs);
      return first !== undefined && written.has(`${request.symbol}|${first.ts}`);
    });
    expect(refetched, 'chunks already in the store asked again').toEqual([]);
    expect(run2.length).toBe(TICKERS.length * chunks.length - 61);
    expect(summary.tickers.map((t) => t.chunksSkipped).reduce((a, b) => a + b, 0)).toBe(61);

    for (const ticker of TICKERS) {
      const stored = [...store.barsOf(ticker)].sort((a, b) => a.ts - b.ts);
      const expected = expectedBars.get(ticker)!;
      expect(new Set(stored.map((bar) => bar.ts)).size, `${ticker}: no duplicates`).toBe(store.barsOf(ticker).length);
      expect(stored.length, `${ticker}: no gaps`).toBe(expected.length);
      const differing = stored.findIndex((bar, i) => JSON.stringify(bar) !== JSON.stringify(expected[i]));
      expect(differing, `${ticker}: first bar that differs from the fixture`).toBe(-1);
    }
    expect(summary.tickers.map((t) => t.quarantined.length)).toEqual([0, 0, 0]);
    // Every request of both runs counts: n requests under 60 per 10 minutes need (ceil(n / 60) - 1) windows.
    const windows = Math.ceil(historicalRequests(fake).length / 60) - 1;
    expect(elapsedMs).toBeGreaterThan(windows * 600_000);
    expect(elapsedMs).toBeLessThan(windows * 600_000 * 1.05);
  });
});
