import type { Table, TableColumn } from '../../core/data/Table.js';
import type { AppendColumn } from './duckdb.js';
import { appendColumns, openDuck, runSql, sqlIdentifier, sqlString } from './duckdb.js';
import { writeAtomically } from './writeAtomically.js';

const MAX_ENUM = 65_535;

interface Prepared {
  readonly ddl: string;
  readonly data: AppendColumn;
  readonly select: string;
}

function prepare(column: TableColumn, k: number): Prepared {
  const name = `c${k}`;
  const alias = sqlIdentifier(column.name);
  // NaN is a valid DOUBLE in DuckDB; the file gets NULL instead, as the table contract says.
  const nullIfNaN = (expression: string): string => `CASE WHEN isnan(${name}) THEN NULL ELSE ${expression} END`;
  if (column.kind === 'number') {
    return { ddl: `${name} DOUBLE`, data: column.values, select: `${nullIfNaN(name)} AS ${alias}` };
  }
  if (column.kind === 'timestamp') {
    // Epoch ms to TIMESTAMPTZ (Parquet isAdjustedToUTC=true); the session zone is UTC, so no shift happens.
    const expression = `CAST(epoch_ms(CAST(${name} AS BIGINT)) AS TIMESTAMPTZ)`;
    return { ddl: `${name} DOUBLE`, data: column.values, select: `${nullIfNaN(expression)} AS ${alias}` };
  }
  // Strings go in as an ENUM (codes copied as memory), then out as VARCHAR: no per-row native call.
  const names = [...new Set(column.values)].sort();
  if (names.length > MAX_ENUM) {
    throw new RangeError(`column ${alias} has ${names.length} distinct texts; at most ${MAX_ENUM} can be written`);
  }
  const index = new Map(names.map((text, code) => [text, code]));
  const codes = names.length <= 255 ? new Uint8Array(column.values.length) : new Uint16Array(column.values.length);
  column.values.forEach((text, row) => {
    codes[row] = index.get(text)!;
  });
  const enumType = `ENUM(${names.length > 0 ? names.map(sqlString).join(', ') : "''"})`;
  return { ddl: `${name} ${enumType}`, data: codes, select: `CAST(${name} AS VARCHAR) AS ${alias}` };
}

/**
 * How the file is encoded; the values are the same whatever is chosen. The default (zstd at DuckDB's level 3, with
 * dictionary pages tried on every column) suits files that are kept; an intermediate file that is read once soon
 * after (a feature shard) is cheaper to write uncompressed without dictionaries: about half the encoding time.
 */
export interface ParquetWriteOptions {
  /** `zstd` (default) or `uncompressed`. */
  readonly compression?: 'zstd' | 'uncompressed';
  /** zstd level (DuckDB's default is 3; 1 writes about a third faster for a file about 10% larger). */
  readonly compressionLevel?: number;
  /** False: plain pages only (DuckDB otherwise builds a dictionary for each column until it grows too large). */
  readonly dictionary?: boolean;
}

/** The COPY options for an encoding. */
export function parquetCopyOptions(options: ParquetWriteOptions = {}): string[] {
  return [
    'FORMAT parquet',
    `COMPRESSION ${options.compression ?? 'zstd'}`,
    ...(options.compressionLevel !== undefined ? [`COMPRESSION_LEVEL ${Math.trunc(options.compressionLevel)}`] : []),
    // DuckDB stops trying a column's dictionary once it holds more entries than this.
    ...(options.dictionary === false ? ['DICTIONARY_SIZE_LIMIT 1'] : []),
  ];
}

/**
 * Writes a table as Parquet through DuckDB: columns are appended from their typed arrays by memory copy (fast and
 * bit-exact), then `COPY ... TO` writes one file (zstd-compressed unless `options` say otherwise) with the table
 * metadata as key-value metadata. Numbers are DOUBLE (NaN as NULL), timestamps TIMESTAMP WITH TIME ZONE in
 * microseconds (whole milliseconds are kept), strings VARCHAR. One thread keeps row groups, and so the bytes,
 * identical from run to run. The file appears complete or not at all (`writeAtomically`).
 */
export async function writeParquet(path: string, table: Table, options: ParquetWriteOptions = {}): Promise<void> {
  const prepared = table.columns.map(prepare);
  const duck = await openDuck();
  try {
    await runSql(duck.connection, 'SET threads = 1');
    await runSql(duck.connection, `CREATE TABLE bars_out (${prepared.map((column) => column.ddl).join(', ')})`);
    appendColumns(
      duck.connection,
      'bars_out',
      prepared.map((column) => column.data),
      table.length,
    );
    const metadata = Object.entries(table.metadata)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${sqlString(key)}: ${sqlString(value)}`);
    const copyOptions = [
      ...parquetCopyOptions(options),
      ...(metadata.length > 0 ? [`KV_METADATA {${metadata.join(', ')}}`] : []),
    ];
    const select = prepared.map((column) => column.select).join(', ');
    await writeAtomically(path, (temporary) =>
      runSql(
        duck.connection,
        `COPY (SELECT ${select} FROM bars_out) TO ${sqlString(temporary)} (${copyOptions.join(', ')})`,
      ),
    );
  } finally {
    duck.close();
  }
}
