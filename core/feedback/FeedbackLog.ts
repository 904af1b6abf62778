import type { FeedbackRowOf, FeedbackTable } from './FeedbackRows.js';

/** What one append did: rows offered, rows written, and rows ignored because their natural key was already there. */
export interface AppendResult {
  readonly table: FeedbackTable;
  readonly rows: number;
  readonly inserted: number;
  readonly duplicates: number;
}

/** A time window `[fromTs, toTs)` in UTC ms, both optional, and an optional row limit. */
export interface ReadRange {
  readonly fromTs?: number;
  readonly toTs?: number;
  readonly limit?: number;
}

/**
 * The feedback log: an append-only record of predictions, orders, fills, risk decisions, feature snapshots and
 * experiments, written in batches off the decision path. Each append is atomic: every row of the batch is
 * written, or none is (and the error says why); rows written by earlier appends are never touched. Tables
 * with a natural key (orders, fills, experiments) ignore a row whose key is already stored, so a retried
 * batch is harmless. Implemented over a PostgreSQL server and over embedded PGlite with the same schema and SQL.
 */
export interface FeedbackLog {
  readonly kind: 'postgres' | 'pglite';
  /** Where the log lives, for messages (never includes a password). */
  readonly description: string;
  append<T extends FeedbackTable>(table: T, rows: readonly FeedbackRowOf[T][]): Promise<AppendResult>;
  /** Rows in time order. */
  read<T extends FeedbackTable>(table: T, range?: ReadRange): Promise<FeedbackRowOf[T][]>;
  count(table: FeedbackTable): Promise<number>;
  close(): Promise<void>;
}
