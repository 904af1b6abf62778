import { newYorkDayOf } from '../../core/calendar/newYorkDayOf.js';
import type { BarBatch, BarSet } from '../../core/data/BarBatch.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import type { GapReport } from '../../core/storage/gapReport.js';
import { gapReport } from '../../core/storage/gapReport.js';
import { InvalidSeriesError } from './errors.js';
import type { AppendSummary, SeriesQuery, StoreOptions } from './SeriesStore.js';
import { SeriesStore } from './SeriesStore.js';
import { checkDatasetName } from './storeNames.js';

/** Value columns of a bar partition, after `ticker` and `ts`. */
export const BAR_COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** One line of `intraday store list`. */
export interface DatasetSummary {
  readonly name: string;
  readonly barMs: number;
  readonly synthetic: boolean;
  readonly tickers: readonly string[];
}

/** Which tickers and New York days a gap report covers; by default every ticker, first to last stored day. */
export interface GapQuery {
  readonly tickers?: readonly string[];
  readonly startDay?: number;
  readonly endDay?: number;
}

/**
 * Bars in a blob store: `datasets/<dataset>/<ticker>/<YYYY-MM>.parquet` (New York months), see README.md.
 * `append` de-duplicates by (ticker, ts), the appended bar winning; the same append twice leaves the same bytes.
 */
export class BarStore {
  readonly series: SeriesStore;

  constructor(blobs: BlobStore, options: StoreOptions = {}) {
    this.series = new SeriesStore(blobs, 'datasets', 'bars', options);
  }

  /** Appends validated bars (`loadBars`, a data source); creates the dataset on first use. */
  async append(dataset: string, bars: BarSet): Promise<AppendSummary> {
    checkDatasetName(dataset);
    const withBars = bars.batches.filter((batch) => batch.length > 0);
    if (withBars.length === 0) throw new InvalidSeriesError(dataset, 'the append holds no bars');
    const barMs = withBars[0]!.barMs;
    const other = withBars.find((batch) => batch.barMs !== barMs);
    if (other) {
      throw new InvalidSeriesError(
        dataset,
        `ticker "${other.ticker}" has ${other.barMs} ms bars and "${withBars[0]!.ticker}" ${barMs} ms; one dataset holds one bar size`,
      );
    }
    return this.series.append(
      dataset,
      { barMs, synthetic: bars.origin.kind === 'synthetic', columns: BAR_COLUMNS },
      withBars.map((batch) => ({
        ticker: batch.ticker,
        series: {
          length: batch.length,
          ts: batch.ts.subarray(0, batch.length),
          columns: BAR_COLUMNS.map((column) => batch[column].subarray(0, batch.length)),
        },
      })),
    );
  }

  /** Reads bars: tickers (all when absent) and an inclusive UTC range of bar starts. Synthetic data stays labelled. */
  async read(dataset: string, query: SeriesQuery = {}): Promise<BarSet> {
    const { manifest, entries } = await this.series.read(dataset, query);
    const batches = entries.map(({ ticker, series }): BarBatch => ({
      ticker,
      barMs: manifest.barMs,
      length: series.length,
      ts: series.ts,
      open: series.columns[0]!,
      high: series.columns[1]!,
      low: series.columns[2]!,
      close: series.columns[3]!,
      volume: series.columns[4]!,
    }));
    return {
      batches,
      origin: {
        kind: manifest.synthetic ? 'synthetic' : 'store',
        detail: `${manifest.synthetic ? 'SYNTHETIC ' : ''}bar store dataset "${dataset}"`,
      },
    };
  }

  /** Sessions and bars missing per ticker against the NYSE calendar (half days expect bars until 13:00). */
  async gaps(dataset: string, query: GapQuery = {}): Promise<GapReport> {
    const bars = await this.read(dataset, query.tickers ? { tickers: query.tickers } : {});
    const manifest = await this.series.requireManifest(dataset);
    const firsts = bars.batches.map((batch) => newYorkDayOf(batch.ts[0]!));
    const lasts = bars.batches.map((batch) => newYorkDayOf(batch.ts[batch.length - 1]!));
    const startDay = query.startDay ?? (firsts.length > 0 ? Math.min(...firsts) : 0);
    const endDay = query.endDay ?? (lasts.length > 0 ? Math.max(...lasts) : 0);
    return gapReport(
      bars.batches.map((batch) => ({ ticker: batch.ticker, ts: batch.ts })),
      manifest.barMs,
      startDay,
      endDay,
    );
  }

  /** Every bar dataset with its bar size, label and tickers. */
  async datasets(): Promise<DatasetSummary[]> {
    const summaries: DatasetSummary[] = [];
    for (const name of await this.series.names()) {
      const manifest = await this.series.requireManifest(name);
      summaries.push({
        name,
        barMs: manifest.barMs,
        synthetic: manifest.synthetic,
        tickers: await this.series.tickers(name),
      });
    }
    return summaries;
  }
}
