import type { Table, TableColumn } from '../../core/data/Table.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { InvalidSeriesError } from './errors.js';
import type { AppendSummary, SeriesQuery, StoreOptions, TickerSeries } from './SeriesStore.js';
import { SeriesStore } from './SeriesStore.js';
import { checkDatasetName } from './storeNames.js';

/**
 * Feature tables (bars plus feature and target columns, as `buildFeatureTable` makes them) in a blob store:
 * `features/<set>/<ticker>/<YYYY-MM>.parquet`, the same partitioning, merge rule and guarantees as the bar store.
 * A table needs a `ticker` text column and a `ts` timestamp column; every other column must be numeric, except a
 * `source` column, which only marks synthetic data.
 */
export class FeatureStore {
  readonly series: SeriesStore;

  constructor(blobs: BlobStore, options: StoreOptions = {}) {
    this.series = new SeriesStore(blobs, 'features', 'features', options);
  }

  /** Appends a feature table; `barMs` is the bar size of the bars it was computed from. */
  async append(set: string, table: Table, barMs: number): Promise<AppendSummary> {
    checkDatasetName(set);
    const ticker = findColumn(set, table, 'ticker', 'string');
    const ts = findColumn(set, table, 'ts', 'timestamp');
    const values = table.columns.filter(
      (column) => column.name !== 'ticker' && column.name !== 'ts' && column.name !== 'source',
    );
    const text = values.find((column) => column.kind !== 'number');
    if (text) {
      throw new InvalidSeriesError(set, `column "${text.name}" is ${text.kind}; feature columns must be numeric`);
    }
    const source = table.columns.find((column) => column.name === 'source');
    const synthetic =
      table.metadata['origin_kind'] === 'synthetic' ||
      (source?.kind === 'string' && source.values.some((value) => value === 'synthetic'));
    const rowsByTicker = new Map<string, number[]>();
    (ticker.values as readonly string[]).forEach((name, row) => {
      let rows = rowsByTicker.get(name);
      if (!rows) rowsByTicker.set(name, (rows = []));
      rows.push(row);
    });
    const entries: TickerSeries[] = [...rowsByTicker.keys()].sort().map((name) => {
      const rows = rowsByTicker.get(name)!;
      const pick = (from: Float64Array): Float64Array => Float64Array.from(rows, (row) => from[row]!);
      return {
        ticker: name,
        series: {
          length: rows.length,
          ts: pick(ts.values as Float64Array),
          columns: values.map((column) => pick(column.values as Float64Array)),
        },
      };
    });
    return this.series.append(set, { barMs, synthetic, columns: values.map((column) => column.name) }, entries);
  }

  /** Reads a feature set back as one table (tickers in order, rows by time), synthetic data labelled. */
  async read(set: string, query: SeriesQuery = {}): Promise<Table> {
    const { manifest, entries } = await this.series.read(set, query);
    const length = entries.reduce((sum, entry) => sum + entry.series.length, 0);
    const tickers: string[] = [];
    const ts = new Float64Array(length);
    const values = manifest.columns.map(() => new Float64Array(length));
    let at = 0;
    for (const { ticker, series } of entries) {
      for (let i = 0; i < series.length; i++) tickers.push(ticker);
      ts.set(series.ts, at);
      series.columns.forEach((column, c) => values[c]!.set(column, at));
      at += series.length;
    }
    const columns: TableColumn[] = [
      { name: 'ticker', kind: 'string', values: tickers },
      { name: 'ts', kind: 'timestamp', values: ts },
      ...manifest.columns.map((name, c): TableColumn => ({ name, kind: 'number', values: values[c]! })),
    ];
    if (manifest.synthetic) columns.push({ name: 'source', kind: 'string', values: tickers.map(() => 'synthetic') });
    return {
      length,
      columns,
      metadata: {
        origin_kind: manifest.synthetic ? 'synthetic' : 'store',
        origin_detail: `feature store set "${set}"`,
        bar_ms: String(manifest.barMs),
      },
    };
  }

  /** Names of every stored feature set. */
  async sets(): Promise<string[]> {
    return this.series.names();
  }
}

function findColumn(set: string, table: Table, name: string, kind: TableColumn['kind']): TableColumn {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column || column.kind !== kind) {
    throw new InvalidSeriesError(
      set,
      `a feature table needs a ${kind} column "${name}", ${column ? `was ${column.kind}` : 'found none'}`,
    );
  }
  return column;
}
