import { firstUnsortedRow } from '../../core/storage/series.js';
import { DatasetMismatchError, InvalidSeriesError } from './errors.js';
import type { SeriesManifest, TickerSeries } from './SeriesStore.js';
import { checkTickerSegment } from './storeNames.js';

/** Checks an append before anything is written: a known bar size, one entry per ticker, sorted unique `ts`. */
export function checkAppend(
  name: string,
  spec: Omit<SeriesManifest, 'format' | 'kind'>,
  entries: readonly TickerSeries[],
): void {
  if (!(spec.barMs > 0)) {
    throw new InvalidSeriesError(name, `the bar size must be known and positive to store bars, was ${spec.barMs} ms`);
  }
  const seen = new Set<string>();
  for (const { ticker, series } of entries) {
    checkTickerSegment(name, ticker);
    if (seen.has(ticker)) throw new InvalidSeriesError(name, `ticker "${ticker}" appears twice in one append`);
    seen.add(ticker);
    if (series.columns.length !== spec.columns.length) {
      throw new InvalidSeriesError(
        name,
        `ticker "${ticker}" has ${series.columns.length} value columns, expected ${spec.columns.length}`,
      );
    }
    const row = firstUnsortedRow(series.ts, series.length);
    if (row >= 0) {
      throw new InvalidSeriesError(
        name,
        `ticker "${ticker}" row ${row}: bar starts must be finite and strictly increasing, was ${series.ts[row]} after ${row > 0 ? series.ts[row - 1] : 'nothing'}`,
      );
    }
  }
}

/** Checks that an append fits the stored dataset: kind, bar size, synthetic label and columns. */
export function checkSameDataset(name: string, stored: SeriesManifest, wanted: SeriesManifest): void {
  if (stored.kind !== wanted.kind) throw new DatasetMismatchError(name, 'the kind', stored.kind, wanted.kind);
  if (stored.barMs !== wanted.barMs) {
    throw new DatasetMismatchError(name, 'the bar size', `${stored.barMs} ms`, `${wanted.barMs} ms`);
  }
  if (stored.synthetic !== wanted.synthetic) {
    const label = (synthetic: boolean): string => (synthetic ? 'synthetic data' : 'real data');
    throw new DatasetMismatchError(name, 'the origin', label(stored.synthetic), label(wanted.synthetic));
  }
  if (stored.columns.join(',') !== wanted.columns.join(',')) {
    throw new DatasetMismatchError(name, 'the column list', stored.columns.join(','), wanted.columns.join(','));
  }
}
