import type { Bar } from '../../core/data/Bar.js';
import type { BarSink } from '../../core/ibkr/BarSink.js';

/** Bars kept in memory per ticker, for the DataSource (which returns what it fetched) and for tests. */
export class MemoryBarSink implements BarSink {
  private readonly byTicker = new Map<string, Bar[]>();
  /** Number of append calls (tests use it to check nothing was written twice). */
  appends = 0;

  async append(ticker: string, _barMs: number, bars: readonly Bar[]): Promise<void> {
    this.appends += 1;
    const list = this.byTicker.get(ticker) ?? [];
    list.push(...bars);
    this.byTicker.set(ticker, list);
  }

  async countBars(ticker: string, _barMs: number, fromMs: number, toMs: number): Promise<number> {
    return (this.byTicker.get(ticker) ?? []).filter((bar) => bar.ts >= fromMs && bar.ts < toMs).length;
  }

  /** Every bar of a ticker in append order (not sorted, so tests see duplicates and disorder as they are). */
  barsOf(ticker: string): readonly Bar[] {
    return this.byTicker.get(ticker) ?? [];
  }

  /** Tickers with at least one append, sorted. */
  tickers(): string[] {
    return [...this.byTicker.keys()].sort();
  }
}
