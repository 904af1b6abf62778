import type { BlobStore } from '../../core/storage/blobStore.js';
import { BlobExistsError, BlobNotFoundError } from '../../core/storage/blobStore.js';
import type { MergeCounts, Series } from '../../core/storage/series.js';
import {
  clipSeries,
  concatSeries,
  emptySeries,
  formatMonth,
  mergeSeries,
  monthRuns,
  newYorkMonthOf,
  sliceSeries,
} from '../../core/storage/series.js';
import { LocalBlobStore } from '../blob/LocalBlobStore.js';
import type { LockOptions } from './blobLock.js';
import { withBlobLock } from './blobLock.js';
import { checkAppend, checkSameDataset } from './checkAppend.js';
import { CorruptPartitionError, DatasetNotFoundError } from './errors.js';
import { PartitionCodec, decodeOrCorrupt } from './PartitionCodec.js';
import { MANIFEST_FILE, PARTITION_FILE, checkDatasetName, checkTickerSegment, partitionMonth } from './storeNames.js';

// Kept here too: callers imported it from this module first.
export { checkDatasetName } from './storeNames.js';

/** What a dataset is, written once by its first append: `<namespace>/<name>/_manifest.json`. */
export interface SeriesManifest {
  readonly format: 'intraday-series-1';
  readonly kind: string;
  /** Bar size in milliseconds. */
  readonly barMs: number;
  /** Generated data: every read says so, and real data may not be mixed in. */
  readonly synthetic: boolean;
  /** Value columns after `ticker` and `ts`, in file order. */
  readonly columns: readonly string[];
}

/** One ticker's rows to append or as read. */
export interface TickerSeries {
  readonly ticker: string;
  readonly series: Series;
}

/** Rows wanted by a read: tickers (all when absent) and an inclusive range of bar starts, UTC epoch ms. */
export interface SeriesQuery {
  readonly tickers?: readonly string[];
  readonly start?: number;
  readonly end?: number;
}

/** What an append did, summed over its partitions. */
export interface AppendSummary extends MergeCounts {
  readonly partitionsWritten: number;
  /** Partitions whose merged bytes equalled the stored ones, so nothing was written. */
  readonly partitionsUnchanged: number;
}

/** Lock timing and how many tickers one append writes at a time (default 4). */
export interface StoreOptions {
  readonly lock?: LockOptions;
  readonly parallelTickers?: number;
}

type Totals = { -readonly [K in keyof AppendSummary]: AppendSummary[K] };

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/**
 * Time series partitioned by ticker and New York month in a blob store: `<namespace>/<name>/<ticker>/<YYYY-MM>.parquet`.
 * An append merges into each touched partition (on an equal (ticker, ts) the appended row wins), writes it only
 * when its bytes change, and publishes it with the blob store's atomic put, so a reader or a crash sees the old
 * partition or the new one, never a torn file. Writers of one ticker take turns through a lock blob
 * (`locks/<namespace>/<name>/<ticker>`); different tickers append in parallel. The bar and feature stores are
 * thin layers over this.
 */
export class SeriesStore {
  readonly blobs: BlobStore;
  readonly namespace: string;
  readonly kind: string;
  readonly lock: LockOptions;
  readonly parallelTickers: number;

  constructor(blobs: BlobStore, namespace: string, kind: string, options: StoreOptions = {}) {
    this.blobs = blobs;
    this.namespace = namespace;
    this.kind = kind;
    this.lock = options.lock ?? {};
    this.parallelTickers = Math.max(1, options.parallelTickers ?? 4);
  }

  /** Names of every dataset in this namespace, sorted. */
  async names(): Promise<string[]> {
    const infos = await this.blobs.list(`${this.namespace}/`);
    return infos
      .map((info) => info.key.split('/'))
      .filter((parts) => parts.length === 3 && parts[2] === MANIFEST_FILE)
      .map((parts) => parts[1]!);
  }

  /** The manifest of a dataset, or null when there is none. */
  async manifest(name: string): Promise<SeriesManifest | null> {
    try {
      const bytes = await this.blobs.get(this.#manifestKey(name));
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as SeriesManifest;
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
  }

  /** The manifest, or DatasetNotFoundError naming the datasets that exist. */
  async requireManifest(name: string): Promise<SeriesManifest> {
    const manifest = await this.manifest(name);
    if (manifest) return manifest;
    throw new DatasetNotFoundError(this.kind, name, await this.names());
  }

  /** Tickers with at least one partition, sorted. */
  async tickers(name: string): Promise<string[]> {
    const infos = await this.blobs.list(`${this.namespace}/${checkDatasetName(name)}/`);
    const tickers = new Set<string>();
    for (const info of infos) {
      const parts = info.key.split('/');
      if (parts.length === 4 && PARTITION_FILE.test(parts[3]!)) tickers.add(parts[2]!);
    }
    return [...tickers].sort();
  }

  /** Appends rows (each ticker's sorted by strictly increasing `ts`), creating the dataset on first use. */
  async append(
    name: string,
    spec: Omit<SeriesManifest, 'format' | 'kind'>,
    entries: readonly TickerSeries[],
  ): Promise<AppendSummary> {
    checkDatasetName(name);
    checkAppend(name, spec, entries);
    await this.#ensureManifest(name, spec);
    const total: Totals = { added: 0, replaced: 0, unchanged: 0, partitionsWritten: 0, partitionsUnchanged: 0 };
    const queue = entries.filter((entry) => entry.series.length > 0);
    let next = 0;
    let failure: { error: unknown } | undefined;
    // A few tickers at a time, each worker with its own DuckDB connection: a partition write waits on fsync and
    // DuckDB, so overlapping them shortens a large append; the first failure stops new tickers from starting.
    const worker = async (): Promise<void> => {
      const codec = await PartitionCodec.open(spec.columns);
      try {
        while (failure === undefined && next < queue.length) {
          const entry = queue[next++]!;
          try {
            await this.#appendTicker(codec, name, spec, entry, total);
          } catch (error) {
            failure ??= { error };
          }
        }
      } finally {
        await codec.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallelTickers, queue.length) }, worker));
    if (failure) throw failure.error;
    return total;
  }

  /** Merges one ticker's rows into its month partitions while holding the ticker's lock. */
  async #appendTicker(
    codec: PartitionCodec,
    name: string,
    spec: Omit<SeriesManifest, 'format' | 'kind'>,
    { ticker, series }: TickerSeries,
    total: Totals,
  ): Promise<void> {
    await withBlobLock(
      this.blobs,
      `locks/${this.namespace}/${name}/${ticker}`,
      async () => {
        for (const run of monthRuns(series.ts, series.length)) {
          const key = this.#partitionKey(name, ticker, run.month);
          const stored = await this.#readPartition(codec, key);
          const { merged, counts } = mergeSeries(
            stored?.series ?? emptySeries(spec.columns.length),
            sliceSeries(series, run.start, run.end),
          );
          total.added += counts.added;
          total.replaced += counts.replaced;
          total.unchanged += counts.unchanged;
          // Nothing new and nothing changed: the merge is the stored rows, so a retry costs a read and no write.
          if (stored && counts.added === 0 && counts.replaced === 0) {
            total.partitionsUnchanged++;
            continue;
          }
          const bytes = await codec.encode(ticker, merged, {
            dataset: name,
            kind: this.kind,
            bar_ms: String(spec.barMs),
          });
          if (stored && sameBytes(stored.bytes, bytes)) {
            total.partitionsUnchanged++;
            continue;
          }
          await this.blobs.put(key, bytes, { contentType: 'application/vnd.apache.parquet' });
          total.partitionsWritten++;
        }
      },
      this.lock,
    );
  }

  /** Reads rows of a dataset, tickers sorted, each ticker's rows sorted by `ts`. */
  async read(name: string, query: SeriesQuery = {}): Promise<{ manifest: SeriesManifest; entries: TickerSeries[] }> {
    const manifest = await this.requireManifest(checkDatasetName(name));
    const tickers = query.tickers ? [...new Set(query.tickers)].sort() : await this.tickers(name);
    const firstMonth = query.start === undefined ? 0 : newYorkMonthOf(query.start);
    const lastMonth = query.end === undefined ? Number.POSITIVE_INFINITY : newYorkMonthOf(query.end);
    const codec = await PartitionCodec.open(manifest.columns);
    const entries: TickerSeries[] = [];
    try {
      for (const ticker of tickers) {
        const keys = (await this.blobs.list(`${this.namespace}/${name}/${checkTickerSegment(name, ticker)}/`))
          .map((info) => info.key)
          .filter((key) => {
            const month = partitionMonth(key);
            return month !== null && month >= firstMonth && month <= lastMonth;
          });
        const parts: Series[] = [];
        for (const key of keys) {
          const part = await this.#readForQuery(codec, key);
          if (part) parts.push(part);
        }
        const series = clipSeries(concatSeries(parts, manifest.columns.length), query.start, query.end);
        if (series.length > 0) entries.push({ ticker, series });
      }
    } finally {
      await codec.close();
    }
    return { manifest, entries };
  }

  #manifestKey(name: string): string {
    return `${this.namespace}/${name}/${MANIFEST_FILE}`;
  }

  #partitionKey(name: string, ticker: string, month: number): string {
    return `${this.namespace}/${name}/${ticker}/${formatMonth(month)}.parquet`;
  }

  async #ensureManifest(name: string, spec: Omit<SeriesManifest, 'format' | 'kind'>): Promise<void> {
    const wanted: SeriesManifest = {
      format: 'intraday-series-1',
      kind: this.kind,
      ...spec,
      columns: [...spec.columns],
    };
    let stored = await this.manifest(name);
    if (!stored) {
      try {
        await this.blobs.put(this.#manifestKey(name), `${JSON.stringify(wanted, null, 2)}\n`, { ifAbsent: true });
        return;
      } catch (error) {
        if (!(error instanceof BlobExistsError)) throw error;
        stored = await this.requireManifest(name);
      }
    }
    checkSameDataset(name, stored, wanted);
  }

  /** A stored partition with its bytes (to compare with a rewrite), or null when absent. */
  async #readPartition(codec: PartitionCodec, key: string): Promise<{ series: Series; bytes: Uint8Array } | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.blobs.get(key);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return null;
      throw error;
    }
    // Under the ticker's lock nobody replaces the file, so a local one is decoded in place (no scratch copy).
    const blobs = this.blobs;
    const read =
      blobs instanceof LocalBlobStore ? () => codec.decodeFile(blobs.pathOf(key)) : () => codec.decodeBytes(bytes);
    return { series: await decodeOrCorrupt(key, read), bytes };
  }

  /** A stored partition for a read; a local folder is read in place (a concurrent rename leaves the open file whole). */
  async #readForQuery(codec: PartitionCodec, key: string): Promise<Series | null> {
    const blobs = this.blobs;
    if (blobs instanceof LocalBlobStore) {
      try {
        return await codec.decodeFile(blobs.pathOf(key));
      } catch (error) {
        if (!(await blobs.exists(key))) return null;
        throw new CorruptPartitionError(key, error);
      }
    }
    return (await this.#readPartition(codec, key))?.series ?? null;
  }
}
