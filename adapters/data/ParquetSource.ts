import type { FileSourceOptions } from './FileSource.js';
import { FileSource } from './FileSource.js';

/** A Parquet bar file as a DataSource, read through DuckDB's vector API. */
export class ParquetSource extends FileSource {
  constructor(path: string, options: FileSourceOptions = {}) {
    super(path, options, 'parquet');
  }
}
