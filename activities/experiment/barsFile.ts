import { openDuck, queryColumns, sqlString, type CodedStrings } from '../../adapters/data/duckdb.js';
import { allocateBatch, type BarBatch, type BarSet } from '../../core/data/BarBatch.js';

// The experiment's bars file (what ingestBars stores at barsKey): ticker, ts, OHLCV as `writeTable` writes them,
// plus key-value metadata `origin_kind`, `origin_detail`, `bar_ms`, `quarantined` and `source`. Later steps read
// it straight through DuckDB: the rows were validated once at ingest, so they need no second validation.

/** Parquet key-value metadata of a file, keys and values as text. */
export async function readKeyValueMetadata(path: string): Promise<Record<string, string>> {
  const duck = await openDuck();
  try {
    const { columns } = await queryColumns(
      duck.connection,
      `SELECT decode(key), decode(value) FROM parquet_kv_metadata(${sqlString(path)})`,
      ['varchar', 'varchar'],
    );
    const keys = columns[0] as CodedStrings;
    const values = columns[1] as CodedStrings;
    const out: Record<string, string> = {};
    keys.codes.forEach((code, row) => {
      out[keys.names[code]!] = values.names[values.codes[row]!]!;
    });
    return out;
  } finally {
    duck.close();
  }
}

/** Number of rows of a Parquet file (from its footer). */
export async function countRows(path: string): Promise<number> {
  const duck = await openDuck();
  try {
    const { columns } = await queryColumns(
      duck.connection,
      `SELECT CAST(count(*) AS DOUBLE) FROM read_parquet(${sqlString(path)})`,
      ['double'],
    );
    return (columns[0] as Float64Array)[0]!;
  } finally {
    duck.close();
  }
}

/** Rows per ticker of a bars file (tickers in byte order), read from the ticker column only. */
export async function countBarsPerTicker(path: string): Promise<{ ticker: string; rows: number }[]> {
  const duck = await openDuck();
  try {
    const { length, columns } = await queryColumns(
      duck.connection,
      `SELECT ticker, CAST(count(*) AS DOUBLE) FROM read_parquet(${sqlString(path)}) GROUP BY ticker ORDER BY ticker`,
      ['varchar', 'double'],
    );
    const tickers = columns[0] as CodedStrings;
    const counts = columns[1] as Float64Array;
    return Array.from({ length }, (_, row) => ({ ticker: tickers.names[tickers.codes[row]!]!, rows: counts[row]! }));
  } finally {
    duck.close();
  }
}

/** The bars of `tickers` from a bars file, one batch per ticker (tickers in byte order, bars in time order). */
export async function readBarsFile(path: string, tickers: readonly string[]): Promise<BarSet> {
  const metadata = await readKeyValueMetadata(path);
  const origin = { kind: metadata.origin_kind ?? 'file', detail: metadata.origin_detail ?? path };
  if (tickers.length === 0) return { batches: [], origin };
  const barMs = Number(metadata.bar_ms ?? 0);
  const duck = await openDuck();
  try {
    const { length, columns } = await queryColumns(
      duck.connection,
      'SELECT ticker, CAST(epoch_ms(ts) AS DOUBLE), open, high, low, close, volume ' +
        `FROM read_parquet(${sqlString(path)}) WHERE ticker IN (${tickers.map(sqlString).join(', ')}) ` +
        'ORDER BY ticker, ts',
      ['varchar', 'double', 'double', 'double', 'double', 'double', 'double'],
    );
    const names = columns[0] as CodedStrings;
    const [ts, open, high, low, close, volume] = columns.slice(1) as Float64Array[];
    const batches: BarBatch[] = [];
    let start = 0;
    for (let row = 1; row <= length; row++) {
      if (row < length && names.codes[row] === names.codes[start]) continue;
      const batch = allocateBatch(names.names[names.codes[start]!]!, barMs, row - start);
      batch.ts.set(ts!.subarray(start, row));
      batch.open.set(open!.subarray(start, row));
      batch.high.set(high!.subarray(start, row));
      batch.low.set(low!.subarray(start, row));
      batch.close.set(close!.subarray(start, row));
      batch.volume.set(volume!.subarray(start, row));
      batches.push(batch);
      start = row;
    }
    return { batches, origin };
  } finally {
    duck.close();
  }
}
