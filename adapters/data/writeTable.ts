import { extname } from 'node:path';
import { UnsupportedFormatError } from '../../core/data/errors.js';
import type { Table } from '../../core/data/Table.js';
import { writeCsv } from './writeCsv.js';
import { writeParquet } from './writeParquet.js';

/** Writes a table as CSV (.csv) or Parquet (.parquet, .pq) by the path's extension; deterministic bytes. */
export async function writeTable(path: string, table: Table): Promise<void> {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return writeCsv(path, table);
  if (extension === '.parquet' || extension === '.pq') return writeParquet(path, table);
  throw new UnsupportedFormatError(path);
}
