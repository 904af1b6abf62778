import type { LogEntry } from '@temporalio/worker';
import { formatWithOptions, types } from 'node:util';

/** What the SDK attaches as `meta.error` when an activity or workflow fails with an ApplicationFailure. */
interface FailureShape {
  readonly type?: unknown;
  readonly nonRetryable?: unknown;
}

const colors = process.stderr.isTTY === true;

/**
 * The SDK's log line, except for a failure our code marked non-retryable (bad input: a missing file, a bad config):
 * its stack only shows the SDK's failure conversion, so it becomes one line with the activity or workflow, the
 * failure type and the message. Every other entry, a crash included, keeps the full detail.
 */
export function formatLogEntry(entry: LogEntry): string {
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  const meta = entry.meta as Record<string, unknown> | undefined;
  const error = types.isNativeError(meta?.['error']) ? (meta['error'] as Error & FailureShape) : undefined;
  if (error !== undefined && isDeliberate(error)) {
    const where = [meta?.['activityType'] ?? meta?.['workflowType'], meta?.['workflowId']].filter(Boolean).join(' in ');
    const kind = typeof error.type === 'string' ? `${error.type}, not retried` : 'not retried';
    return `${time} [${entry.level}] ${entry.message}: ${where} (${kind}): ${error.message}`;
  }
  const detail = meta === undefined ? '' : ` ${formatWithOptions({ colors }, meta)}`;
  return `${time} [${entry.level}] ${entry.message}${detail}`;
}

/**
 * A failure our code raised on purpose for bad input. An activity's arrives whole (`nonRetryable`). A workflow's is
 * copied out of the sandbox's worker thread, which keeps only message and stack: there an ApplicationFailure (the
 * only kind the experiment workflow throws itself, for bad input) is known by the stack's first word; an
 * ActivityFailure (an activity that crashed until its retries ran out) keeps its stack.
 */
function isDeliberate(error: Error & FailureShape): boolean {
  if (error.nonRetryable !== undefined) return error.nonRetryable === true;
  return error.stack?.startsWith('ApplicationFailure: ') === true;
}

/** The log function handed to the SDK's DefaultLogger. */
export function writeLogEntry(entry: LogEntry): void {
  process.stderr.write(`${formatLogEntry(entry)}\n`);
}
