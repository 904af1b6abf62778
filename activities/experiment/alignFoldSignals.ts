import type { CodedStrings } from '../../adapters/data/duckdb.js';
import { openDuck, queryColumns, sqlString } from '../../adapters/data/duckdb.js';
import type { SignalColumns } from '../../core/backtest/runBacktest.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import { BadExperimentDataError } from './errors.js';

/** Signals of every fold aligned to the bars, and how many rows carried one. */
export interface AlignedSignals {
  readonly columns: SignalColumns;
  readonly rows: number;
  readonly matched: number;
}

/**
 * Reads the prediction files (ticker, ts, signal, confidence) in one DuckDB scan sorted by (ticker, ts) and aligns
 * them to the bars by ticker and bar start, as `intraday backtest` does (adapters/data/loadSignals), in one merge
 * pass per ticker. The predictions come from the dataset built from these very bars, so a row that matches no bar,
 * two rows for one bar (overlapping test windows) or a value out of range is a broken experiment, not noise:
 * BadExperimentDataError naming the count and an example. A NaN signal is no signal.
 */
export async function alignFoldSignals(paths: readonly string[], bars: BarSet): Promise<AlignedSignals> {
  const columns: Record<string, { signal: Float64Array; confidence: Float64Array }> = {};
  for (const batch of bars.batches) {
    columns[batch.ticker] = {
      signal: new Float64Array(batch.length).fill(Number.NaN),
      confidence: new Float64Array(batch.length).fill(Number.NaN),
    };
  }
  if (paths.length === 0) return { columns, rows: 0, matched: 0 };
  const duck = await openDuck();
  let read: Awaited<ReturnType<typeof queryColumns>>;
  try {
    read = await queryColumns(
      duck.connection,
      'SELECT CAST(ticker AS VARCHAR) AS ticker, CAST(epoch_ms(ts) AS DOUBLE) AS ts, CAST(signal AS DOUBLE), ' +
        `CAST(confidence AS DOUBLE) FROM read_parquet([${paths.map(sqlString).join(', ')}]) ORDER BY ticker, ts`,
      ['varchar', 'double', 'double', 'double'],
    );
  } finally {
    duck.close();
  }
  const tickers = read.columns[0] as CodedStrings;
  const ts = read.columns[1] as Float64Array;
  const signal = read.columns[2] as Float64Array;
  const confidence = read.columns[3] as Float64Array;
  const batchOf = new Map(bars.batches.map((batch) => [batch.ticker, batch]));
  const problems = { unmatched: 0, duplicates: 0, invalid: 0, example: '' };
  const note = (kind: 'unmatched' | 'duplicates' | 'invalid', text: string): void => {
    problems[kind]++;
    if (problems.example === '') problems.example = text;
  };
  let matched = 0;
  let code = -1;
  let at = 0;
  for (let row = 0; row < read.length; row++) {
    if (tickers.codes[row] !== code) {
      code = tickers.codes[row]!;
      at = 0;
    }
    const name = tickers.names[code]!;
    const batch = batchOf.get(name);
    const t = ts[row]!;
    const where = `${name} ${new Date(t).toISOString()}`;
    if (!batch) {
      note('unmatched', `${where} matches no bar`);
      continue;
    }
    while (at < batch.length && batch.ts[at]! < t) at++;
    if (at === batch.length || batch.ts[at] !== t) {
      note('unmatched', `${where} matches no bar`);
      continue;
    }
    const s = signal[row]!;
    const c = confidence[row]!;
    if (Number.isNaN(s)) continue;
    if (!(s >= -1 && s <= 1 && c >= 0 && c <= 1)) {
      note('invalid', `${where} has signal ${s}, confidence ${c} outside [-1, 1] / [0, 1]`);
      continue;
    }
    const column = columns[name]!;
    if (!Number.isNaN(column.signal[at]!)) {
      note('duplicates', `${where} has two predictions (overlapping test windows)`);
      continue;
    }
    column.signal[at] = s;
    column.confidence[at] = c;
    matched++;
  }
  if (problems.unmatched + problems.duplicates + problems.invalid > 0) {
    throw new BadExperimentDataError(
      `out-of-sample predictions: ${problems.unmatched} match no bar, ${problems.duplicates} duplicate a bar, ` +
        `${problems.invalid} are out of range, of ${read.length} rows (first: ${problems.example})`,
    );
  }
  return { columns, rows: read.length, matched };
}
