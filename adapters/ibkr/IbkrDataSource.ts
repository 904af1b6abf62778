import { newYorkDayOf } from '../../core/calendar/newYorkDayOf.js';
import { formatBarSize } from '../../core/data/Bar.js';
import { batchFromBars } from '../../core/data/BarBatch.js';
import type { DataSource, FetchRequest, FetchResult, HealthStatus } from '../../core/data/DataSource.js';
import { countReasons } from '../../core/data/Quarantine.js';
import type { Clock } from '../../core/ibkr/Clock.js';
import { createRandom, type Random } from '../../core/random/Random.js';
import { systemClock } from './clocks.js';
import type { IbConnectionSettings } from './connectionTypes.js';
import { IbFetchFailedError } from './errors.js';
import { fetchHistorical } from './fetchHistorical.js';
import type { HistoricalSettings } from './fetchTypes.js';
import { IbConnection } from './IbConnection.js';
import { MemoryBarSink } from './MemoryBarSink.js';
import { MemoryCursorStore } from './MemoryCursorStore.js';

/** Settings and collaborators of the Interactive Brokers data source. */
export interface IbkrDataSourceOptions {
  readonly connection: IbConnectionSettings;
  readonly historical: HistoricalSettings;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Jitter of reconnect delays. Default: seeded from the client id, so runs are reproducible. */
  readonly random?: Random;
}

/**
 * Historical bars from IB Gateway or TWS behind the project's DataSource interface: one connection per fetch,
 * paced and chunked by `fetchHistorical`, returned in memory as unified bars (`ts` = UTC ms of the bar start)
 * within the inclusive range of the request. For large, resumable downloads into the bar store use
 * `intraday fetch`, which runs the same fetcher with file cursors.
 */
export class IbkrDataSource implements DataSource {
  readonly name = 'ibkr';
  private readonly options: IbkrDataSourceOptions;

  constructor(options: IbkrDataSourceOptions) {
    this.options = options;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { connection: settings, historical } = this.options;
    const clock = this.options.clock ?? systemClock;
    const connection = this.open();
    const sink = new MemoryBarSink();
    try {
      await connection.connect();
      const summary = await fetchHistorical(
        {
          dataset: 'memory',
          tickers: request.tickers,
          startDay: newYorkDayOf(request.startMs),
          endDay: newYorkDayOf(request.endMs),
          barMs: request.barMs,
        },
        { connection, clock, sink, cursors: new MemoryCursorStore(), settings: historical },
      );
      const failed = summary.tickers.filter((ticker) => ticker.error !== undefined);
      if (failed.length > 0) {
        const detail = failed.map((ticker) => ticker.error!.message).join('; ');
        throw new IbFetchFailedError(failed.map((ticker) => ticker.ticker).join(','), detail);
      }
      const batches = [...request.tickers].sort().map((ticker) => {
        const bars = [...sink.barsOf(ticker)]
          .filter((bar) => bar.ts >= request.startMs && bar.ts <= request.endMs)
          .sort((a, b) => a.ts - b.ts);
        return batchFromBars(ticker, request.barMs, bars);
      });
      const rows = summary.tickers.flatMap((ticker) => ticker.quarantined);
      const rowsOut = batches.reduce((sum, batch) => sum + batch.length, 0);
      const hours = historical.rth ? 'regular hours' : '04:00-20:00 New York';
      return {
        bars: {
          batches,
          origin: {
            kind: 'ibkr',
            detail: `IB ${settings.host}:${settings.port}, ${historical.whatToShow}, ${formatBarSize(request.barMs)} bars, ${hours}`,
          },
        },
        quarantine: { rowsIn: rowsOut + rows.length, rowsOut, rows, counts: countReasons(rows) },
      };
    } finally {
      connection.close();
    }
  }

  async healthcheck(): Promise<HealthStatus> {
    const connection = this.open();
    try {
      await connection.connect();
      return {
        ok: true,
        detail: `connected to ${connection.settings.host}:${connection.settings.port} as client ${connection.settings.clientId}, accounts ${connection.accounts.join(',')}`,
      };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    } finally {
      connection.close();
    }
  }

  private open(): IbConnection {
    const settings = this.options.connection;
    return new IbConnection(settings, {
      clock: this.options.clock ?? systemClock,
      random: this.options.random ?? createRandom(settings.clientId, 'ibkr-reconnect'),
    });
  }
}
