import type { CodedStrings } from '../../adapters/data/duckdb.js';
import { describeColumns, openDuck, queryColumns, sqlIdentifier, sqlString } from '../../adapters/data/duckdb.js';
import type { RowRange } from '../../core/experiment/contracts.js';
import { BadExperimentDataError } from './errors.js';

/** One row range of the dataset: keys plus the requested numeric columns (NULL as NaN), in the file's row order. */
export interface DatasetRows {
  readonly length: number;
  readonly tickers: CodedStrings;
  /** Bar start, UTC epoch ms. */
  readonly ts: Float64Array;
  readonly columns: ReadonlyMap<string, Float64Array>;
}

/**
 * Reads rows [range[0], range[1]) of a dataset Parquet file (`name` in messages) and only those: the file's row
 * order is the (ts, ticker) sort order the fold plan indexes, and DuckDB's `file_row_number` names that order
 * explicitly, so the result does not depend on scan threads or on LIMIT/OFFSET keeping insertion order. A missing
 * column or a range past the end of the file is BadExperimentDataError.
 */
export async function readDatasetRows(
  path: string,
  name: string,
  range: RowRange,
  columns: readonly string[],
): Promise<DatasetRows> {
  const [start, end] = range;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start)) {
    throw new BadExperimentDataError(`${name}: row range [${start}, ${end}) is not a range of whole row numbers`);
  }
  const source = `read_parquet(${sqlString(path)}, file_row_number = true)`;
  const duck = await openDuck();
  try {
    const header = (await describeColumns(duck.connection, `SELECT * FROM read_parquet(${sqlString(path)})`)).map(
      (column) => column.name,
    );
    const missing = ['ticker', 'ts', ...columns].filter((column) => !header.includes(column));
    if (missing.length > 0) {
      throw new BadExperimentDataError(
        `${name}: missing column(s) ${missing.join(', ')}; the dataset has ${header.join(', ')}`,
      );
    }
    const selects = [
      'CAST(ticker AS VARCHAR)',
      'CAST(epoch_ms(ts) AS DOUBLE)',
      ...columns.map((column) => `CAST(${sqlIdentifier(column)} AS DOUBLE)`),
    ];
    const result = await queryColumns(
      duck.connection,
      `SELECT ${selects.join(', ')} FROM ${source} WHERE file_row_number >= ${start} AND file_row_number < ${end} ` +
        'ORDER BY file_row_number',
      ['varchar', 'double', ...columns.map(() => 'double' as const)],
    );
    if (result.length !== end - start) {
      throw new BadExperimentDataError(
        `${name}: row range [${start}, ${end}) asks for ${end - start} rows, only ${result.length} exist (the file is shorter)`,
      );
    }
    const map = new Map<string, Float64Array>();
    columns.forEach((column, k) => map.set(column, result.columns[k + 2] as Float64Array));
    return {
      length: result.length,
      tickers: result.columns[0] as CodedStrings,
      ts: result.columns[1] as Float64Array,
      columns: map,
    };
  } finally {
    duck.close();
  }
}
