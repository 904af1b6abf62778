import { AppError } from '../../core/AppError.js';

/** Error codes of the bar and feature stores. */
export const StoreErrorCode = {
  INVALID_DATASET_NAME: 'INVALID_DATASET_NAME',
  DATASET_NOT_FOUND: 'DATASET_NOT_FOUND',
  DATASET_MISMATCH: 'DATASET_MISMATCH',
  INVALID_SERIES: 'INVALID_SERIES',
  CORRUPT_PARTITION: 'CORRUPT_PARTITION',
  STORE_LOCK_TIMEOUT: 'STORE_LOCK_TIMEOUT',
} as const;
export type StoreErrorCode = (typeof StoreErrorCode)[keyof typeof StoreErrorCode];

/** A dataset or feature-set name outside `[A-Za-z0-9][A-Za-z0-9_.-]*`. */
export class InvalidDatasetNameError extends AppError {
  constructor(name: string) {
    super(
      StoreErrorCode.INVALID_DATASET_NAME,
      `invalid dataset name "${name}": expected 1-100 characters of letters, digits, '_', '.', '-', starting ` +
        'with a letter or digit',
    );
  }
}

/** Nothing has been stored under that name. */
export class DatasetNotFoundError extends AppError {
  constructor(kind: string, name: string, known: readonly string[]) {
    super(
      StoreErrorCode.DATASET_NOT_FOUND,
      `no ${kind} dataset "${name}" in the store; ` +
        (known.length > 0
          ? `known: ${known.join(', ')}`
          : 'the store holds none yet (add one with `intraday store put`)'),
    );
  }
}

/** An append does not fit what the dataset already holds (bar size, columns, synthetic label). */
export class DatasetMismatchError extends AppError {
  constructor(name: string, what: string, stored: string, given: string) {
    super(StoreErrorCode.DATASET_MISMATCH, `dataset "${name}": ${what} is ${stored} in the store, was ${given}`);
  }
}

/** Rows that cannot be stored: unsorted or duplicate timestamps, a ticker that cannot name a partition, ... */
export class InvalidSeriesError extends AppError {
  constructor(name: string, detail: string) {
    super(StoreErrorCode.INVALID_SERIES, `dataset "${name}": ${detail}`);
  }
}

/** A stored partition that cannot be read as Parquet. */
export class CorruptPartitionError extends AppError {
  constructor(key: string, cause: unknown) {
    super(
      StoreErrorCode.CORRUPT_PARTITION,
      `partition "${key}" cannot be read as Parquet (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
  }
}

/** Another writer held a partition lock for longer than the wait allowed. */
export class StoreLockTimeoutError extends AppError {
  constructor(key: string, holder: string, waitedMs: number) {
    super(
      StoreErrorCode.STORE_LOCK_TIMEOUT,
      `lock "${key}" is still held by ${holder} after waiting ${Math.round(waitedMs)} ms; if that writer is gone ` +
        'the lock becomes stale and is broken automatically, so retry later',
    );
  }
}
