import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Series } from '../../core/storage/series.js';
import type { DuckHandle } from '../data/duckdb.js';
import { CorruptPartitionError } from './errors.js';
import { appendColumns, openDuck, queryColumns, runSql, sqlIdentifier, sqlString } from '../data/duckdb.js';

/**
 * Encodes one partition (one ticker's rows of one month) as Parquet bytes and decodes it back, through one DuckDB
 * connection reused for a whole append or read. Columns: `ticker` VARCHAR, `ts` TIMESTAMP WITH TIME ZONE, then the
 * value columns as DOUBLE (NaN stored as NULL, read back as NaN), rows sorted by `ts`, zstd, one thread: the same
 * rows give the same bytes on every run, so a retried write is harmless and can be recognised as unchanged.
 */
export class PartitionCodec {
  readonly #duck: DuckHandle;
  readonly #scratch: string;
  readonly #names: readonly string[];
  #files = 0;

  private constructor(duck: DuckHandle, scratch: string, names: readonly string[]) {
    this.#duck = duck;
    this.#scratch = scratch;
    this.#names = names;
  }

  /** Opens a codec for partitions with these value columns. Close it when done. */
  static async open(names: readonly string[]): Promise<PartitionCodec> {
    const scratch = await mkdtemp(join(tmpdir(), 'intraday-partition-'));
    const duck = await openDuck();
    try {
      await runSql(duck.connection, 'SET threads = 1');
      const columns = ['ts DOUBLE', ...names.map((_, k) => `c${k} DOUBLE`)].join(', ');
      await runSql(duck.connection, `CREATE TABLE part (${columns})`);
    } catch (error) {
      duck.close();
      await rm(scratch, { recursive: true, force: true });
      throw error;
    }
    return new PartitionCodec(duck, scratch, names);
  }

  /** Parquet bytes of one ticker's rows; `metadata` goes into the file's key-value metadata (sorted by key). */
  async encode(ticker: string, series: Series, metadata: Readonly<Record<string, string>>): Promise<Uint8Array> {
    const connection = this.#duck.connection;
    await runSql(connection, 'DELETE FROM part');
    appendColumns(connection, 'part', [series.ts, ...series.columns], series.length);
    const values = this.#names.map(
      (name, k) => `CASE WHEN isnan(c${k}) THEN NULL ELSE c${k} END AS ${sqlIdentifier(name)}`,
    );
    const kv = Object.entries(metadata)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${sqlString(key)}: ${sqlString(value)}`);
    const file = join(this.#scratch, `out-${++this.#files}.parquet`);
    const select = [
      `${sqlString(ticker)} AS ticker`,
      'CAST(epoch_ms(CAST(ts AS BIGINT)) AS TIMESTAMPTZ) AS ts',
      ...values,
    ].join(', ');
    await runSql(
      connection,
      `COPY (SELECT ${select} FROM part ORDER BY ts) TO ${sqlString(file)} ` +
        `(FORMAT parquet, COMPRESSION zstd, KV_METADATA {${kv.join(', ')}})`,
    );
    try {
      return await readFile(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  /** Reads a partition file from a local path. */
  async decodeFile(path: string): Promise<Series> {
    const select = [
      'CAST(epoch_ms(ts) AS DOUBLE)',
      ...this.#names.map((name) => `CAST(${sqlIdentifier(name)} AS DOUBLE)`),
    ].join(', ');
    const { length, columns } = await queryColumns(
      this.#duck.connection,
      `SELECT ${select} FROM read_parquet(${sqlString(path)}) ORDER BY ts`,
      ['double', ...this.#names.map(() => 'double' as const)],
    );
    const [ts, ...values] = columns as Float64Array[];
    return { length, ts: ts!, columns: values };
  }

  /** Reads a partition from its bytes (for stores that are not a local folder). */
  async decodeBytes(bytes: Uint8Array): Promise<Series> {
    const file = join(this.#scratch, `in-${++this.#files}.parquet`);
    await writeFile(file, bytes);
    try {
      return await this.decodeFile(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  async close(): Promise<void> {
    this.#duck.close();
    await rm(this.#scratch, { recursive: true, force: true });
  }
}

/** Runs a decode and reports a failure as CorruptPartitionError naming the partition's key. */
export async function decodeOrCorrupt(key: string, read: () => Promise<Series>): Promise<Series> {
  try {
    return await read();
  } catch (error) {
    throw new CorruptPartitionError(key, error);
  }
}
