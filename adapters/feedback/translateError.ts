import { FeedbackConnectionLostError, FeedbackWriteRejectedError } from '../../core/feedback/index.js';

/** The fields pg and PGlite put on a database error. */
interface DriverError {
  readonly message?: string;
  readonly code?: string;
  readonly detail?: string;
  readonly where?: string;
  readonly column?: string;
  readonly constraint?: string;
}

/** Socket-level errors Node reports when the server goes away. */
const SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * True when the error means the connection is gone rather than the statement being wrong: SQLSTATE class 08
 * (connection exception), 57P01-57P03 (terminated by an administrator, crash shutdown, cannot connect now), a
 * socket error, or pg's "Connection terminated" when the server closed the socket without a message.
 */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as DriverError;
  if (code && (code.startsWith('08') || /^57P0[123]$/.test(code) || SOCKET_CODES.has(code))) return true;
  return typeof message === 'string' && /Connection terminated|connection.*(closed|ended)/i.test(message);
}

/** Turns a driver error raised while writing a batch into the feedback log's typed errors. */
export function translateWriteError(error: unknown, table: string, rows: number, target: string): Error {
  const driver = (error ?? {}) as DriverError;
  const message = driver.message ?? String(error);
  if (isConnectionError(error)) {
    return new FeedbackConnectionLostError(table, rows, target, message, error);
  }
  if (typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code)) {
    const parts = [message];
    if (driver.column) parts.push(`column "${driver.column}"`);
    if (driver.constraint) parts.push(`constraint "${driver.constraint}"`);
    if (driver.detail) parts.push(driver.detail);
    if (driver.where) parts.push(driver.where);
    return new FeedbackWriteRejectedError(
      table,
      rows,
      `${parts.join('; ')} (SQLSTATE ${driver.code})`,
      driver.code,
      error,
    );
  }
  return error instanceof Error ? error : new Error(message);
}
