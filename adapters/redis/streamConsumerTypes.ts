import type { StreamEffect } from './streamEffects.js';
import type { StreamEntry } from './StreamEntry.js';

/**
 * Handles one entry and answers the Redis effects to commit with its acknowledgement. It may run more than once for
 * an entry whose consumer died before committing, so anything it does outside Redis must be idempotent by the
 * entry id (the effects it returns are applied exactly once).
 */
export type StreamHandler = (entry: StreamEntry) => Promise<readonly StreamEffect[]> | readonly StreamEffect[];

/** What the consumer reports as it goes: failures and losses are never only logged or swallowed. */
export type StreamReport =
  | { readonly kind: 'handler_failed'; readonly id: string; readonly error: string }
  | {
      readonly kind: 'dead_lettered';
      readonly id: string;
      readonly deadLetterId: string;
      readonly deliveries: number;
      readonly reason: string;
    }
  /** Pending entries the stream had already trimmed (MAXLEN): they were delivered once but are gone. */
  | { readonly kind: 'trimmed'; readonly ids: readonly string[] }
  /** An entry already settled was delivered again (after a crash between commit and reply): acknowledged only. */
  | { readonly kind: 'duplicate'; readonly id: string };

export interface StreamConsumerOptions {
  readonly stream: string;
  readonly group: string;
  /** Unique per live process; a restarted process may reuse its name (it then resumes its own pending entries). */
  readonly consumer: string;
  /** Entries per read (default 100). */
  readonly batchSize?: number;
  /** How long a read waits for new entries (default 500 ms); must stay below the client's command timeout. */
  readonly blockMs?: number;
  /** Another consumer's pending entry is claimed after it has been idle this long (default 30 s). */
  readonly minIdleMs?: number;
  /** An entry handed out more often than this goes to the dead-letter stream (default 5). */
  readonly maxDeliveries?: number;
  /** How long settled ids are remembered, measured on entry ids (default 24 h). */
  readonly settledRetentionMs?: number;
  /** Approximate cap of the dead-letter stream (default 100,000). */
  readonly deadLetterMaxLen?: number;
  /** `runOnce` recovers at its first call, after a failure or an idle read, and at least every this many batches (default 100). */
  readonly recoverEvery?: number;
  readonly onReport?: (report: StreamReport) => void;
}

/** What `recover` found: entries to handle again, and how many it dead-lettered or found trimmed. */
export interface RecoveredEntries {
  readonly entries: StreamEntry[];
  readonly deadLettered: number;
  readonly trimmed: number;
}

/** Counts of one call to `handle` / `runOnce`. */
export interface BatchResult {
  readonly applied: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly deadLettered: number;
}
