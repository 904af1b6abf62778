import type { Bar } from '../../core/data/Bar.js';
import { batchFromBars } from '../../core/data/BarBatch.js';
import type { BarSink } from '../../core/ibkr/BarSink.js';
import type { BarStore } from '../store/BarStore.js';
import { DatasetNotFoundError } from '../store/errors.js';

/**
 * Fetched bars into one dataset of the Parquet bar store (adapters/store). The store replaces bars with an equal
 * (ticker, ts), so writing a chunk again after a crash never stores a bar twice.
 */
export class BarStoreSink implements BarSink {
  private readonly store: BarStore;
  private readonly dataset: string;
  private readonly detail: string;

  /** `detail` says where the bars came from (gateway, data type), for the dataset's origin. */
  constructor(store: BarStore, dataset: string, detail: string) {
    this.store = store;
    this.dataset = dataset;
    this.detail = detail;
  }

  async append(ticker: string, barMs: number, bars: readonly Bar[]): Promise<void> {
    await this.store.append(this.dataset, {
      batches: [batchFromBars(ticker, barMs, bars)],
      origin: { kind: 'ibkr', detail: this.detail },
    });
  }

  async countBars(ticker: string, _barMs: number, fromMs: number, toMs: number): Promise<number> {
    try {
      const bars = await this.store.read(this.dataset, { tickers: [ticker], start: fromMs, end: toMs - 1 });
      return bars.batches.reduce((sum, batch) => sum + batch.length, 0);
    } catch (error) {
      if (error instanceof DatasetNotFoundError) return 0;
      throw error;
    }
  }
}
