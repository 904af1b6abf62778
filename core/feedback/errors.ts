import { AppError } from '../AppError.js';
import { FEEDBACK_TABLES } from './FeedbackRows.js';

/** Error codes of the feedback log. */
export const FeedbackErrorCode = {
  FEEDBACK_UNKNOWN_TABLE: 'FEEDBACK_UNKNOWN_TABLE',
  FEEDBACK_INVALID_ROW: 'FEEDBACK_INVALID_ROW',
  FEEDBACK_WRITE_REJECTED: 'FEEDBACK_WRITE_REJECTED',
  FEEDBACK_CONNECTION_LOST: 'FEEDBACK_CONNECTION_LOST',
} as const;
export type FeedbackErrorCode = (typeof FeedbackErrorCode)[keyof typeof FeedbackErrorCode];

/** A table name that is not part of the feedback log. */
export class FeedbackUnknownTableError extends AppError {
  readonly table: string;

  constructor(table: string) {
    super(
      FeedbackErrorCode.FEEDBACK_UNKNOWN_TABLE,
      `unknown feedback table "${table}"; expected one of: ${FEEDBACK_TABLES.join(', ')}`,
    );
    this.table = table;
  }
}

/** A row that does not fit its table; the whole batch is refused before anything is written. */
export class FeedbackInvalidRowError extends AppError {
  readonly table: string;
  readonly row: number;
  readonly column: string;

  constructor(table: string, row: number, column: string, expected: string, value: unknown) {
    super(
      FeedbackErrorCode.FEEDBACK_INVALID_ROW,
      `feedback table "${table}", row ${row}, column "${column}": expected ${expected}, was ${describeValue(value)}` +
        ' (nothing of this batch was written)',
    );
    this.table = table;
    this.row = row;
    this.column = column;
  }
}

/** The database refused a batch (constraint, type, size); the batch was rolled back as a whole. */
export class FeedbackWriteRejectedError extends AppError {
  readonly table: string;
  /** The SQLSTATE the database reported. */
  readonly sqlState: string | null;

  constructor(table: string, rows: number, reason: string, sqlState: string | null, cause: unknown) {
    super(
      FeedbackErrorCode.FEEDBACK_WRITE_REJECTED,
      `feedback table "${table}": the database rejected the batch of ${rows} rows, nothing of it was written: ${reason}`,
      { cause },
    );
    this.table = table;
    this.sqlState = sqlState;
  }
}

/** The connection broke during a write. Nothing of the batch was committed; retrying the batch is safe. */
export class FeedbackConnectionLostError extends AppError {
  readonly table: string;
  readonly retryable = true;

  constructor(table: string, rows: number, target: string, reason: string, cause: unknown) {
    super(
      FeedbackErrorCode.FEEDBACK_CONNECTION_LOST,
      `feedback table "${table}": the connection to ${target} broke while writing ${rows} rows (${reason}); ` +
        'nothing of this batch was committed and earlier batches are kept: retry the batch',
      { cause },
    );
    this.table = table;
  }
}

/** A short, quoted rendering of a bad value for messages (long strings are cut). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > 40 ? `a ${value.length}-character string "${value.slice(0, 40)}..."` : `"${value}"`;
  }
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}
