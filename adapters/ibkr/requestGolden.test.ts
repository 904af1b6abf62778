import { afterEach, describe, expect, it } from 'vitest';
import { IB_PACING_RULES } from '../../core/ibkr/PacingScheduler.js';
import { createRandom } from '../../core/random/Random.js';
import { startFakeGateway, syntheticBarFixtures } from '../../devtools/fakeGateway/index.js';
import { systemClock } from './clocks.js';
import { fetchHistorical } from './fetchHistorical.js';
import { IbConnection } from './IbConnection.js';
import { MemoryBarSink } from './MemoryBarSink.js';
import { MemoryCursorStore } from './MemoryCursorStore.js';

// Golden captures: the exact fields of every message this adapter makes @stoqey/ib 1.6.10 send at server version
// 193, as the fake gateway received them over TCP (layouts in ../shared/reference/ibkr.md section 2.4). A library
// upgrade that changes a layout fails here. Also: the client reports no decode error (505) on anything received.
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe('requests on the wire (golden)', () => {
  it('sends START_API, REQ_HISTORICAL_DATA, CANCEL_HISTORICAL_DATA and REQ_CURRENT_TIME in the captured layouts', async () => {
    const fake = await startFakeGateway({ bars: syntheticBarFixtures(['AAPL'], 20250102, 20250108) });
    cleanup.push(() => fake.close());
    const connection = new IbConnection(
      {
        host: '127.0.0.1',
        port: fake.port,
        clientId: 11,
        maxReqPerSec: 40,
        connectTimeoutMs: 2_000,
        heartbeatIntervalMs: 100,
        heartbeatTimeoutMs: 2_000,
        backoff: { initialMs: 50, maxMs: 500, factor: 2 },
        resetWindows: [],
        resetZone: 'America/New_York',
      },
      { clock: systemClock, random: createRandom(11, 'golden') },
    );
    cleanup.push(() => connection.close());
    const notices: number[] = [];
    connection.subscribe({ notice: (code) => notices.push(code), requestError: (_id, code) => notices.push(code) });
    await connection.connect();
    const settings = {
      whatToShow: 'TRADES',
      rth: true,
      requestTimeoutMs: 30_000,
      maxAttempts: 1,
      retryBaseMs: 0,
      pacingPauseMs: 0,
      maxOutageMs: 900_000,
      pacing: IB_PACING_RULES,
    };

    const plan = { dataset: 'golden', tickers: ['AAPL'], startDay: 20250102, endDay: 20250108, barMs: 300_000 };
    await fetchHistorical(plan, {
      connection,
      clock: systemClock,
      sink: new MemoryBarSink(),
      cursors: new MemoryCursorStore(),
      settings,
    });
    connection.cancelHistorical(1_000_000_000);
    await new Promise((resolve) => setTimeout(resolve, 400));

    const first = (name: string): string | undefined =>
      fake.requests.find((entry) => entry.name === name)?.fields.join('|');
    expect(first('START_API')).toBe('71|2|11|');
    expect(first('REQ_HISTORICAL_DATA')).toBe(
      '20|1000000000||AAPL|STK|||||SMART||USD|||0|20250108-21:00:00|5 mins|5 D|1|TRADES|2|0|',
    );
    expect(first('CANCEL_HISTORICAL_DATA')).toBe('25|1|1000000000');
    expect(first('REQ_CURRENT_TIME')).toBe('49|1');
    expect(notices.filter((code) => code === 505 || code === 506 || code === 503)).toEqual([]);
  });
});
