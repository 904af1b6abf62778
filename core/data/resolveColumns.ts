import type { ColumnMap } from '../../config/columnMap.js';
import { MissingColumnError } from './errors.js';

/** Column names recognised without a map, compared case-insensitively, in order of preference. */
export const RECOGNISED_COLUMNS = {
  ticker: ['symbol', 'ticker'],
  ts: ['ts', 'ts_et', 'datetime', 'timestamp'],
  date: ['date'],
  time: ['time'],
  open: ['open', 'o'],
  high: ['high', 'h'],
  low: ['low', 'l'],
  close: ['close', 'c'],
  volume: ['volume', 'v', 'vol'],
  source: ['source'],
} as const;

/** Where each bar field sits in a row: column indexes, -1 when absent. */
export interface ColumnLayout {
  /** Column of the ticker, or -1 when every row has `fixedTicker`. */
  readonly ticker: number;
  readonly fixedTicker: string;
  /** Column of the timestamp (or of the date when `time` is also set). */
  readonly ts: number;
  /** Column of the time of day to append to the `ts` column's date, or -1. */
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** -1 when the file has no volume: every bar then gets -1 (unknown). */
  readonly volume: number;
  /** -1 when the file has no `source` column. */
  readonly source: number;
}

const normalise = (name: string): string => name.trim().replace(/^"|"$/g, '').trim().toLowerCase();

/**
 * Finds the bar fields in a header: names given in the column map first (exact, then ignoring case), then the
 * recognised names. Throws MissingColumnError naming the field, the names tried and the header found.
 */
export function resolveColumns(file: string, header: readonly string[], map?: ColumnMap): ColumnLayout {
  const names = header.map(normalise);
  const mapped = map?.columns ?? {};
  const find = (field: keyof typeof RECOGNISED_COLUMNS): number => {
    const wanted = mapped[field];
    if (wanted !== undefined) {
      const exact = header.findIndex((name) => name.trim() === wanted);
      return exact >= 0 ? exact : names.indexOf(normalise(wanted));
    }
    for (const candidate of RECOGNISED_COLUMNS[field]) {
      const index = names.indexOf(candidate);
      if (index >= 0) return index;
    }
    return -1;
  };
  const require = (field: keyof typeof RECOGNISED_COLUMNS, index: number, extra: readonly string[] = []): number => {
    if (index >= 0) return index;
    const expected = mapped[field] !== undefined ? [mapped[field]] : [...RECOGNISED_COLUMNS[field], ...extra];
    throw new MissingColumnError(file, field, expected, header);
  };

  const fixedTicker = mapped.ticker === undefined ? (map?.ticker ?? '') : '';
  const ticker = fixedTicker !== '' ? -1 : require('ticker', find('ticker'), ['or "ticker: X" in the column map']);
  const tsColumn = find('ts');
  const dateColumn = find('date');
  const timeColumn = find('time');
  let ts = tsColumn;
  let time = -1;
  if (ts < 0 && dateColumn >= 0 && timeColumn >= 0) {
    ts = dateColumn;
    time = timeColumn;
  } else if (ts < 0) {
    ts = dateColumn >= 0 ? dateColumn : timeColumn;
  }
  return {
    ticker,
    fixedTicker,
    ts: require('ts', ts, ['date', 'time']),
    time,
    open: require('open', find('open')),
    high: require('high', find('high')),
    low: require('low', find('low')),
    close: require('close', find('close')),
    volume: mapped.volume !== undefined ? require('volume', find('volume')) : find('volume'),
    source: find('source'),
  };
}
