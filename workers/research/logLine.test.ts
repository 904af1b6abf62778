import { ApplicationFailure } from '@temporalio/common';
import type { LogEntry } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { formatLogEntry } from './logLine.js';

const AT = 1_795_298_626_657_000_000n; // 2026-11-21T22:03:46.657Z in nanoseconds

function entry(message: string, meta: Record<string, unknown>): LogEntry {
  return { level: 'WARN', message, meta, timestampNanos: AT };
}

describe('formatLogEntry', () => {
  it('puts a non-retryable activity failure (bad input) on one line with its type and message', () => {
    const error = ApplicationFailure.nonRetryable('data.path "/x.csv" is not a readable file', 'BadExperimentData');

    const line = formatLogEntry(
      entry('Activity failed', { activityType: 'prepareExperiment', workflowId: 'experiment-a', error }),
    );

    expect(line).toBe(
      '2026-11-21T22:03:46.657Z [WARN] Activity failed: prepareExperiment in experiment-a (BadExperimentData, not ' +
        'retried): data.path "/x.csv" is not a readable file',
    );
  });

  it('recognises the workflow failure copied out of the sandbox, which keeps only message and stack', () => {
    const copied = new Error('ingestBars: /x.csv: found an empty file');
    copied.stack =
      'ApplicationFailure: ingestBars: /x.csv: found an empty file\n    at explain (workflows/experiment.ts:58:30)';

    const line = formatLogEntry(
      entry('Workflow failed', { workflowType: 'experiment', workflowId: 'e-1', error: copied }),
    );

    expect(line).toBe(
      '2026-11-21T22:03:46.657Z [WARN] Workflow failed: experiment in e-1 (not retried): ingestBars: /x.csv: found an empty file',
    );
  });

  it('keeps the whole stack of a retryable failure and of any other error', () => {
    const retryable = ApplicationFailure.retryable('connection reset', 'Transient');
    const crash = new TypeError('Cannot read properties of undefined');

    const first = formatLogEntry(entry('Activity failed', { activityType: 'ingestBars', error: retryable }));
    const second = formatLogEntry(entry('Activity failed', { activityType: 'ingestBars', error: crash }));

    expect(first).toContain('connection reset');
    expect(first).toMatch(/\n\s+at /);
    expect(second).toContain('TypeError: Cannot read properties of undefined');
    expect(second).toMatch(/\n\s+at /);
  });

  it('prints an entry without metadata as time, level and message', () => {
    expect(formatLogEntry({ level: 'INFO', message: 'Worker state changed', timestampNanos: AT })).toBe(
      '2026-11-21T22:03:46.657Z [INFO] Worker state changed',
    );
  });
});
