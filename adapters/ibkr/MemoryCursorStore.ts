import type { CursorStore } from '../../core/ibkr/BarSink.js';
import { emptyCursor, type FetchCursor } from '../../core/ibkr/FetchCursor.js';

/** Cursors kept in memory: for one-shot fetches (the DataSource) that need no resume across processes. */
export class MemoryCursorStore implements CursorStore {
  private readonly cursors = new Map<string, FetchCursor>();

  async load(dataset: string, ticker: string, bar: string, rth: boolean): Promise<FetchCursor> {
    return this.cursors.get(JSON.stringify([dataset, ticker, bar, rth])) ?? emptyCursor(dataset, ticker, bar, rth);
  }

  async save(cursor: FetchCursor): Promise<void> {
    this.cursors.set(JSON.stringify([cursor.dataset, cursor.ticker, cursor.bar, cursor.rth]), cursor);
  }
}
