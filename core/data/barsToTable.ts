import type { BarSet } from './BarBatch.js';
import type { Table, TableColumn } from './Table.js';

/**
 * Lays a bar set out as one table (`ticker, ts, open, high, low, close, volume`), batches in their order, so it can
 * be written with `writeTable` and read back by the file sources. Synthetic bars get a `source` column equal to
 * `synthetic`, so the label survives a round trip through CSV, which has no metadata; the origin also goes into
 * the table metadata (`origin_kind`, `origin_detail`).
 */
export function barsToTable(bars: BarSet): Table {
  const length = bars.batches.reduce((sum, batch) => sum + batch.length, 0);
  const tickers: string[] = new Array<string>(length);
  const numeric = ['ts', 'open', 'high', 'low', 'close', 'volume'] as const;
  const arrays = Object.fromEntries(numeric.map((name) => [name, new Float64Array(length)])) as Record<
    (typeof numeric)[number],
    Float64Array
  >;
  let at = 0;
  for (const batch of bars.batches) {
    tickers.fill(batch.ticker, at, at + batch.length);
    for (const name of numeric) arrays[name].set(batch[name].subarray(0, batch.length), at);
    at += batch.length;
  }
  const columns: TableColumn[] = [
    { name: 'ticker', kind: 'string', values: tickers },
    { name: 'ts', kind: 'timestamp', values: arrays.ts },
    ...(['open', 'high', 'low', 'close', 'volume'] as const).map((name): TableColumn => ({
      name,
      kind: 'number',
      values: arrays[name],
    })),
  ];
  if (bars.origin.kind === 'synthetic') {
    columns.push({ name: 'source', kind: 'string', values: new Array<string>(length).fill('synthetic') });
  }
  return { length, columns, metadata: { origin_kind: bars.origin.kind, origin_detail: bars.origin.detail } };
}
