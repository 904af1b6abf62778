import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Table } from '../../core/data/Table.js';
import type { LocalBlobStore } from '../blob/LocalBlobStore.js';
import { FeatureStore } from './FeatureStore.js';
import { hashesUnder, tempBlobStore } from './storeTestKit.js';

let blobs: LocalBlobStore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ blobs, cleanup } = await tempBlobStore());
});

afterEach(async () => {
  await cleanup();
});

const JUN_28 = Date.UTC(2024, 5, 28, 13, 30);
const JUL_01 = Date.UTC(2024, 6, 1, 13, 30);

/** Rows interleaved across tickers, as a feature table may hold them; `rsi_14` is NaN while warming up. */
function table(rows: readonly [string, number, number, number][], synthetic = false): Table {
  return {
    length: rows.length,
    columns: [
      { name: 'ticker', kind: 'string', values: rows.map((row) => row[0]) },
      { name: 'ts', kind: 'timestamp', values: Float64Array.from(rows, (row) => row[1]) },
      { name: 'ret_1', kind: 'number', values: Float64Array.from(rows, (row) => row[2]) },
      { name: 'rsi_14', kind: 'number', values: Float64Array.from(rows, (row) => row[3]) },
      ...(synthetic ? [{ name: 'source', kind: 'string' as const, values: rows.map(() => 'synthetic') }] : []),
    ],
    metadata: {},
  };
}

const column = (read: Table, name: string): unknown[] => {
  const found = read.columns.find((candidate) => candidate.name === name)!;
  return [...found.values];
};

describe('FeatureStore', () => {
  it('round-trips a feature table grouped by ticker, NaN kept, partitioned like bars', async () => {
    const store = new FeatureStore(blobs);
    await store.append(
      'momentum',
      table([
        ['MSFT', JUN_28, 0.5, Number.NaN],
        ['AAPL', JUN_28, 0.1, Number.NaN],
        ['AAPL', JUL_01, 0.2, 55.5],
      ]),
      300_000,
    );

    const read = await store.read('momentum');

    expect(column(read, 'ticker')).toEqual(['AAPL', 'AAPL', 'MSFT']);
    expect(column(read, 'ts')).toEqual([JUN_28, JUL_01, JUN_28]);
    expect(column(read, 'ret_1')).toEqual([0.1, 0.2, 0.5]);
    expect(column(read, 'rsi_14')).toEqual([Number.NaN, 55.5, Number.NaN]);
    expect(read.metadata['bar_ms']).toBe('300000');
    expect(Object.keys(await hashesUnder(blobs, 'features/'))).toEqual([
      'features/momentum/AAPL/2024-06.parquet',
      'features/momentum/AAPL/2024-07.parquet',
      'features/momentum/MSFT/2024-06.parquet',
      'features/momentum/_manifest.json',
    ]);
    expect(await store.sets()).toEqual(['momentum']);
  });

  it('replaces a recomputed row, keeps the synthetic label, and refuses text feature columns', async () => {
    const store = new FeatureStore(blobs);
    await store.append('demo', table([['AAPL', JUN_28, 0.1, Number.NaN]], true), 300_000);

    const summary = await store.append('demo', table([['AAPL', JUN_28, 0.1, 40]], true), 300_000);
    const read = await store.read('demo');
    const text: Table = {
      ...table([['AAPL', JUN_28, 0.1, 1]]),
      columns: [...table([['AAPL', JUN_28, 0.1, 1]]).columns, { name: 'note', kind: 'string', values: ['x'] }],
    };

    expect(summary).toMatchObject({ replaced: 1, added: 0 });
    expect(column(read, 'rsi_14')).toEqual([40]);
    expect(column(read, 'source'), 'synthetic data stays labelled').toEqual(['synthetic']);
    await expect(store.append('other', text, 300_000)).rejects.toThrow(
      'dataset "other": column "note" is string; feature columns must be numeric',
    );
  });
});
