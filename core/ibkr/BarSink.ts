import type { Bar } from '../data/Bar.js';
import type { FetchCursor } from './FetchCursor.js';
import type { PacingStart } from './PacingScheduler.js';

/**
 * Where fetched bars go: the bar store in the CLI, memory for the DataSource. An append is all or nothing, so a
 * crash leaves either every bar of a chunk stored or none, and `countBars` can tell which.
 */
export interface BarSink {
  /** Stores bars of one ticker: sorted by `ts`, unique, all inside one chunk. */
  append(ticker: string, barMs: number, bars: readonly Bar[]): Promise<void>;
  /** Stored bars of `ticker` with `fromMs <= ts < toMs`. */
  countBars(ticker: string, barMs: number, fromMs: number, toMs: number): Promise<number>;
}

/** Where fetch cursors are kept: one small document per (dataset, ticker, bar size, hours). */
export interface CursorStore {
  /** The saved cursor, or an empty one when none was saved yet. */
  load(dataset: string, ticker: string, bar: string, rth: boolean): Promise<FetchCursor>;
  /** Replaces the saved cursor atomically (a crash leaves the old or the new one, never a torn file). */
  save(cursor: FetchCursor): Promise<void>;
}

/** Where recent request starts are kept between runs (one log per gateway). */
export interface PacingLog {
  load(): Promise<readonly PacingStart[]>;
  save(starts: readonly PacingStart[]): Promise<void>;
}
