import { VirtualClock } from '../adapters/ibkr/clocks.js';
import { fetchHistorical } from '../adapters/ibkr/fetchHistorical.js';
import { IbConnection } from '../adapters/ibkr/IbConnection.js';
import { MemoryBarSink } from '../adapters/ibkr/MemoryBarSink.js';
import { MemoryCursorStore } from '../adapters/ibkr/MemoryCursorStore.js';
import { IB_PACING_RULES } from '../core/ibkr/PacingScheduler.js';
import { createRandom } from '../core/random/Random.js';
import { startFakeGateway, syntheticBarFixtures } from '../devtools/fakeGateway/index.js';

const TICKERS = ['AAPL', 'MSFT', 'GOOG'];

/**
 * One year (2025) x 3 tickers of 5-minute bars through the real @stoqey/ib client and the fake gateway, on a
 * virtual clock shared by both: the simulated time IB's pacing rules impose, the request count, and the lower
 * bound of the 60-requests-per-10-minutes rule alone ((ceil(n / 60) - 1) x 600 s) it is compared with.
 */
export async function benchIbkr(): Promise<Record<string, number>> {
  const clock = new VirtualClock(Date.parse('2026-01-05T14:00:00Z'), { stallMs: 5_000 });
  const fake = await startFakeGateway({ bars: syntheticBarFixtures(TICKERS, 20250101, 20251231), clock });
  const connection = new IbConnection(
    {
      host: fake.host,
      port: fake.port,
      clientId: 7,
      maxReqPerSec: 40,
      connectTimeoutMs: 10_000,
      heartbeatIntervalMs: 600_000,
      heartbeatTimeoutMs: 10_000,
      backoff: { initialMs: 100, maxMs: 1_000, factor: 2 },
      resetWindows: [],
      resetZone: 'America/New_York',
    },
    { clock, random: createRandom(7, 'bench') },
  );
  const started = performance.now();
  try {
    await connection.connect();
    const summary = await fetchHistorical(
      { dataset: 'bench', tickers: TICKERS, startDay: 20250101, endDay: 20251231, barMs: 300_000 },
      {
        connection,
        clock,
        sink: new MemoryBarSink(),
        cursors: new MemoryCursorStore(),
        settings: {
          whatToShow: 'TRADES',
          rth: true,
          requestTimeoutMs: 60_000,
          maxAttempts: 5,
          retryBaseMs: 5_000,
          pacingPauseMs: 60_000,
          maxOutageMs: 900_000,
          pacing: IB_PACING_RULES,
        },
      },
    );
    const simulated = (summary.endedMs - summary.startedMs) / 1000;
    const minimum = (Math.ceil(summary.requests / 60) - 1) * 600;
    return {
      'ibkr.fetch_simulated_seconds': Math.round(simulated * 10) / 10,
      'ibkr.fetch_minimum_seconds': minimum,
      'ibkr.fetch_vs_minimum': Math.round((simulated / minimum) * 1000) / 1000,
      'ibkr.fetch_requests': summary.requests,
      'ibkr.fetch_bars': summary.tickers.reduce((sum, ticker) => sum + ticker.barsWritten, 0),
      'ibkr.fetch_pacing_violations': fake.pacing.violations.length,
      'ibkr.fetch_wall_seconds': Math.round((performance.now() - started) / 10) / 100,
    };
  } finally {
    connection.close();
    await fake.close();
  }
}
