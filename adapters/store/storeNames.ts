import { InvalidBlobKeyError, checkBlobKey } from '../../core/storage/blobStore.js';
import { InvalidDatasetNameError, InvalidSeriesError } from './errors.js';

// Names inside the store: dataset names, ticker folders, partition files.

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** A partition file name, `YYYY-MM.parquet` (a New York month). */
export const PARTITION_FILE = /^(\d{4})-(\d{2})\.parquet$/;

/** The manifest's file name inside a dataset folder. */
export const MANIFEST_FILE = '_manifest.json';

/** Validates a dataset or feature-set name. */
export function checkDatasetName(name: string): string {
  if (!NAME.test(name)) throw new InvalidDatasetNameError(name);
  return name;
}

/** The month (yyyymm) of a partition key, or null when the key is not a partition. */
export function partitionMonth(key: string): number | null {
  const match = PARTITION_FILE.exec(key.slice(key.lastIndexOf('/') + 1));
  return match ? Number(match[1]) * 100 + Number(match[2]) : null;
}

/** Validates that a ticker can name a partition folder (one blob-key segment, not the manifest). */
export function checkTickerSegment(name: string, ticker: string): string {
  try {
    checkBlobKey(ticker);
  } catch (error) {
    if (error instanceof InvalidBlobKeyError) {
      throw new InvalidSeriesError(
        name,
        `ticker "${ticker}" cannot name a partition folder (letters, digits, '_', '=', '.', '+', '-' only)`,
      );
    }
    throw error;
  }
  if (ticker.includes('/') || ticker === MANIFEST_FILE) {
    throw new InvalidSeriesError(name, `ticker "${ticker}" cannot name a partition folder`);
  }
  return ticker;
}
