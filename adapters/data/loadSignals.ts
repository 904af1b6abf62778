import { existsSync } from 'node:fs';
import type { ColumnMap } from '../../config/columnMap.js';
import type { SignalColumns } from '../../core/backtest/runBacktest.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import { parseTimestamp } from '../../core/data/parseTimestamp.js';
import { createWallToUtc } from '../../core/data/wallToUtc.js';
import { FileUnreadableError, MissingColumnError } from '../../core/data/errors.js';
import {
  countReasons,
  QuarantineReason,
  type QuarantinedRow,
  type QuarantineReport,
} from '../../core/data/Quarantine.js';
import { describeFile, openDuck, queryColumns, sqlIdentifier, sqlString, type CodedStrings } from './duckdb.js';

/** Signals aligned to bars, plus the rows set aside (counted, shown and kept, never dropped silently). */
export interface LoadedSignals {
  readonly columns: SignalColumns;
  readonly rows: number;
  readonly matched: number;
  readonly unmatched: number;
  readonly duplicates: number;
  readonly invalid: number;
  /** A few unmatched or invalid rows, for the message. */
  readonly examples: readonly string[];
  /**
   * Every row set aside, with its reason: out of range (`OUTSIDE_RANGE`), no bar (`NO_MATCHING_BAR`), a second
   * signal for a bar (`DUPLICATE_SIGNAL`). `raw` holds the ticker and time as written and the two numbers as read.
   */
  readonly quarantine: QuarantineReport;
}

const TICKER_NAMES = ['ticker', 'symbol'];
const TIME_NAMES = ['ts', 'ts_et', 'datetime', 'timestamp', 'date', 'time'];

function pick(names: readonly string[], wanted: readonly string[], file: string, field: string): string {
  const found = names.find((name) => wanted.includes(name.toLowerCase()));
  if (!found) throw new MissingColumnError(file, field, [...wanted], names);
  return found;
}

/** Which end of its bar a signal's timestamp names. */
export type SignalTimestamps = 'bar_start' | 'bar_end';

/**
 * Reads a signals file (CSV or Parquet: ticker, ts, signal, confidence) and aligns it to the bars. Timestamps follow
 * the data file's convention: naive times in the map's zone (New York by default), bar starts unless the map says
 * bar_end, or `convention` when given (files written by `intraday model predict` and `features compute` carry bar
 * starts whatever the data file used). A signal for bar t is acted on at the close of bar t.
 */
export async function loadSignals(
  path: string,
  bars: BarSet,
  map?: ColumnMap,
  convention?: SignalTimestamps,
): Promise<LoadedSignals> {
  if (!existsSync(path)) throw new FileUnreadableError(path, new Error('no such file'));
  const source = /\.(parquet|pq)$/i.test(path)
    ? `read_parquet(${sqlString(path)})`
    : `read_csv(${sqlString(path)}, all_varchar = true, header = true)`;
  const duck = await openDuck();
  try {
    const described = await describeFile(duck.connection, `SELECT * FROM ${source}`, path);
    const names = described.map((column) => column.name);
    const ticker = pick(names, TICKER_NAMES, path, 'ticker');
    const time = pick(names, TIME_NAMES, path, 'ts');
    const signal = pick(names, ['signal'], path, 'signal');
    const confidence = pick(names, ['confidence'], path, 'confidence');
    const timeType = described.find((column) => column.name === time)!.type;
    const timeSql =
      timeType === 'TIMESTAMP_TZ'
        ? `CAST(epoch_ms(${sqlIdentifier(time)}) AS VARCHAR)`
        : `CAST(${sqlIdentifier(time)} AS VARCHAR)`;
    const { length, columns } = await queryColumns(
      duck.connection,
      `SELECT CAST(${sqlIdentifier(ticker)} AS VARCHAR), ${timeSql}, TRY_CAST(${sqlIdentifier(signal)} AS DOUBLE), TRY_CAST(${sqlIdentifier(confidence)} AS DOUBLE) FROM ${source}`,
      ['varchar', 'varchar', 'double', 'double'],
    );
    return align(
      bars,
      map,
      (convention ?? map?.timestamps.convention) === 'bar_end',
      // A CSV row's line: the header is line 1. A Parquet file has no lines (0; the row is in the detail).
      source.startsWith('read_csv') ? 2 : null,
      length,
      columns[0] as CodedStrings,
      columns[1] as CodedStrings,
      columns[2] as Float64Array,
      columns[3] as Float64Array,
    );
  } finally {
    duck.close();
  }
}

function align(
  bars: BarSet,
  map: ColumnMap | undefined,
  barEnd: boolean,
  firstLine: number | null,
  length: number,
  tickers: CodedStrings,
  times: CodedStrings,
  signal: Float64Array,
  confidence: Float64Array,
): LoadedSignals {
  const toUtc = createWallToUtc(map?.timestamps.timezone ?? 'America/New_York');
  const lookup = new Map(
    bars.batches.map((batch) => [batch.ticker, new Map(Array.from(batch.ts, (ts, i) => [ts, i]))]),
  );
  const columns: Record<string, { signal: Float64Array; confidence: Float64Array }> = {};
  for (const batch of bars.batches) {
    columns[batch.ticker] = {
      signal: new Float64Array(batch.length).fill(NaN),
      confidence: new Float64Array(batch.length).fill(NaN),
    };
  }
  let matched = 0;
  let unmatched = 0;
  let duplicates = 0;
  let invalid = 0;
  const examples: string[] = [];
  const setAside: QuarantinedRow[] = [];
  // The row that set each bar's signal, for the message of a later duplicate.
  const firstRow = new Map(bars.batches.map((batch) => [batch.ticker, new Int32Array(batch.length)]));
  for (let row = 0; row < length; row++) {
    const name = tickers.names[tickers.codes[row]!]!.toUpperCase();
    const text = times.names[times.codes[row]!]!;
    const s = signal[row]!;
    const c = confidence[row]!;
    const where = firstLine === null ? `row ${row + 1}` : `line ${row + firstLine}`;
    const keep = (reason: QuarantineReason, detail: string): void => {
      setAside.push({
        line: firstLine === null ? 0 : row + firstLine,
        ticker: name,
        reason,
        detail: firstLine === null ? `${where}: ${detail}` : detail,
        raw: `${tickers.names[tickers.codes[row]!]!},${text},${s},${c}`,
      });
    };
    if (!(s >= -1 && s <= 1) || !(c >= 0 && c <= 1)) {
      invalid++;
      keep(QuarantineReason.OUTSIDE_RANGE, `signal ${s} or confidence ${c} outside [-1,1] / [0,1]`);
      if (examples.length < 5) examples.push(`${where}: signal ${s} or confidence ${c} outside [-1,1] / [0,1]`);
      continue;
    }
    const parsed =
      /^-?\d+(\.\d+)?$/.test(text) && text.length >= 12 ? { ms: Number(text), isWall: false } : parseTimestamp(text);
    let ts = parsed === null ? NaN : parsed.isWall ? toUtc(parsed.ms) : parsed.ms;
    const batch = bars.batches.find((candidate) => candidate.ticker === name);
    if (barEnd && batch) ts -= batch.barMs;
    const index = lookup.get(name)?.get(ts);
    if (index === undefined) {
      unmatched++;
      keep(QuarantineReason.NO_MATCHING_BAR, `${name} ${text} matches no bar of the data file`);
      if (examples.length < 5) examples.push(`${where}: ${name} ${text} matches no bar`);
      continue;
    }
    const column = columns[name]!;
    const rows = firstRow.get(name)!;
    if (column.signal[index] === column.signal[index]) {
      duplicates++;
      const first = firstLine === null ? `row ${rows[index]! + 1}` : `line ${rows[index]! + firstLine}`;
      keep(QuarantineReason.DUPLICATE_SIGNAL, `${first} already gave this bar its signal, kept`);
      continue;
    }
    rows[index] = row;
    column.signal[index] = s;
    column.confidence[index] = c;
    matched++;
  }
  const quarantine: QuarantineReport = {
    rowsIn: length,
    rowsOut: matched,
    rows: setAside,
    counts: countReasons(setAside),
  };
  return { columns, rows: length, matched, unmatched, duplicates, invalid, examples, quarantine };
}
