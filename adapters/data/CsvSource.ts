import type { FileSourceOptions } from './FileSource.js';
import { FileSource } from './FileSource.js';

/** A CSV bar file as a DataSource (columns mapped or recognised; see the README). */
export class CsvSource extends FileSource {
  constructor(path: string, options: FileSourceOptions = {}) {
    super(path, options, 'csv');
  }
}
