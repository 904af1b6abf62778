import { existsSync } from 'node:fs';
import { FileUnreadableError, MissingColumnError, UnsupportedFormatError } from '../../core/data/errors.js';
import { parseTimestamp } from '../../core/data/parseTimestamp.js';
import { createWallToUtc } from '../../core/data/wallToUtc.js';
import type { CodedStrings } from '../data/duckdb.js';
import { describeFile, openDuck, queryColumns, sqlIdentifier, sqlString } from '../data/duckdb.js';
import { FeatureColumnMissingError, FeatureFileInvalidError } from './errors.js';

/** A features file (what `intraday features compute` writes) read for a model: keys plus the requested columns. */
export interface FeatureFile {
  readonly path: string;
  /** Every column name of the file, in file order. */
  readonly header: readonly string[];
  readonly tickers: CodedStrings;
  /** Bar start, UTC epoch ms. */
  readonly ts: Float64Array;
  /** The requested columns as doubles, NULL or empty cells as NaN: a FeatureFrame (core/models). */
  readonly frame: { readonly length: number; readonly columns: ReadonlyMap<string, Float64Array> };
}

const TICKER_NAMES = ['ticker', 'symbol'];
const TIME_NAMES = ['ts', 'timestamp', 'datetime'];

function sourceOf(path: string): string {
  if (!existsSync(path)) throw new FileUnreadableError(path, new Error('no such file'));
  if (/\.(parquet|pq)$/i.test(path)) return `read_parquet(${sqlString(path)})`;
  if (/\.csv$/i.test(path)) return `read_csv(${sqlString(path)}, all_varchar = true, header = true)`;
  throw new UnsupportedFormatError(path);
}

/** The column names of a features file, in file order. */
export async function readFeatureHeader(path: string): Promise<string[]> {
  const source = sourceOf(path);
  const duck = await openDuck();
  try {
    return (await describeFile(duck.connection, `SELECT * FROM ${source}`, path)).map((column) => column.name);
  } finally {
    duck.close();
  }
}

/**
 * Reads ticker, ts and the named columns of a CSV or Parquet features file through DuckDB, in file order. Parquet
 * `TIMESTAMP WITH TIME ZONE` is read as UTC; text timestamps follow the data layer's rules (an offset or `Z` is UTC,
 * a naive time is New York wall time). A missing column throws FEATURE_COLUMN_MISSING naming every absent one; a cell
 * that is not a number throws FEATURE_FILE_INVALID naming the column.
 */
export async function readFeatureFile(path: string, columns: readonly string[]): Promise<FeatureFile> {
  const source = sourceOf(path);
  const duck = await openDuck();
  try {
    const described = await describeFile(duck.connection, `SELECT * FROM ${source}`, path);
    const header = described.map((column) => column.name);
    const pick = (wanted: readonly string[], field: string): string => {
      const found = header.find((name) => wanted.includes(name.toLowerCase()));
      if (found === undefined) throw new MissingColumnError(path, field, wanted, header);
      return found;
    };
    const ticker = pick(TICKER_NAMES, 'ticker');
    const time = pick(TIME_NAMES, 'ts');
    const missing = columns.filter((name) => !header.includes(name));
    if (missing.length > 0) throw new FeatureColumnMissingError(path, missing, header);
    const utcTime = described.find((column) => column.name === time)!.type === 'TIMESTAMP_TZ';
    const selects = [
      `CAST(${sqlIdentifier(ticker)} AS VARCHAR)`,
      utcTime ? `CAST(epoch_ms(${sqlIdentifier(time)}) AS DOUBLE)` : `CAST(${sqlIdentifier(time)} AS VARCHAR)`,
      ...columns.map((name) => `CAST(${sqlIdentifier(name)} AS DOUBLE)`),
    ];
    let result: Awaited<ReturnType<typeof queryColumns>>;
    try {
      result = await queryColumns(duck.connection, `SELECT ${selects.join(', ')} FROM ${source}`, [
        'varchar',
        utcTime ? 'double' : 'varchar',
        ...columns.map(() => 'double' as const),
      ]);
    } catch (error) {
      throw new FeatureFileInvalidError(path, `every feature column must hold numbers (${(error as Error).message})`);
    }
    const ts = utcTime ? (result.columns[1] as Float64Array) : parseTimes(path, result.columns[1] as CodedStrings);
    const frameColumns = new Map<string, Float64Array>();
    columns.forEach((name, k) => frameColumns.set(name, result.columns[k + 2] as Float64Array));
    return {
      path,
      header,
      tickers: result.columns[0] as CodedStrings,
      ts,
      frame: { length: result.length, columns: frameColumns },
    };
  } finally {
    duck.close();
  }
}

function parseTimes(path: string, texts: CodedStrings): Float64Array {
  const toUtc = createWallToUtc('America/New_York');
  const values = texts.names.map((text) => {
    const parsed = parseTimestamp(text);
    if (parsed === null) throw new FeatureFileInvalidError(path, `ts ${JSON.stringify(text)} is not a date-time`);
    return parsed.isWall ? toUtc(parsed.ms) : parsed.ms;
  });
  return Float64Array.from(texts.codes, (code) => values[code]!);
}
