import type { LogRecord } from '../trading/commands.js';

/** Builds a LogRecord command. */
export function logRecord(
  ts: number,
  level: LogRecord['level'],
  code: string,
  message: string,
  context: LogRecord['context'] = {},
): LogRecord {
  return { type: 'LogRecord', ts, level, code, message, context };
}
