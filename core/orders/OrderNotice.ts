import type { LogRecord } from '../trading/commands.js';
import type { OrderCode } from './errors.js';

/** Something the order manager noticed and did not throw for: everything a `LogRecord` needs except the time. */
export interface OrderNotice {
  readonly level: LogRecord['level'];
  readonly code: OrderCode;
  readonly message: string;
  readonly context: LogRecord['context'];
}

/** The log record of a notice, stamped with the time of the event that caused it. */
export function toLogRecord(notice: OrderNotice, ts: number): LogRecord {
  return {
    type: 'LogRecord',
    ts,
    level: notice.level,
    code: notice.code,
    message: notice.message,
    context: notice.context,
  };
}

/** The shared empty list of notices (most updates have none; sharing it avoids an allocation per event). */
export const NO_NOTICES: readonly OrderNotice[] = Object.freeze([]);
