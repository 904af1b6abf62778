import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalBlobStore } from '../blob/LocalBlobStore.js';
import { BarStore } from './BarStore.js';
import { daysOf, hashesUnder, makeBars, reviseDay, rowsOf, tempBlobStore } from './storeTestKit.js';

let blobs: LocalBlobStore;
let cleanup: () => Promise<void>;
let store: BarStore;

beforeEach(async () => {
  ({ blobs, cleanup } = await tempBlobStore());
  store = new BarStore(blobs);
});

afterEach(async () => {
  await cleanup();
});

// 2024-06-24 .. 2024-07-09 crosses a month end, the Jul 3 half day and the Jul 4 holiday.
const START = '2024-06-24';
const END = '2024-07-09';

describe('BarStore round trip', () => {
  it('reads back exactly what was appended, partitioned by ticker and New York month', async () => {
    const bars = makeBars(['MSFT', 'AAPL'], START, END);

    const summary = await store.append('equities', bars);
    const read = await store.read('equities');

    expect(rowsOf(read), 'every value bit for bit, tickers sorted').toEqual(rowsOf(bars));
    expect(read.batches.map((batch) => batch.barMs)).toEqual([300_000, 300_000]);
    expect(summary).toMatchObject({ added: bars.batches[0]!.length * 2, replaced: 0, partitionsWritten: 4 });
    expect((await blobs.list('datasets/')).map((info) => info.key)).toEqual([
      'datasets/equities/AAPL/2024-06.parquet',
      'datasets/equities/AAPL/2024-07.parquet',
      'datasets/equities/MSFT/2024-06.parquet',
      'datasets/equities/MSFT/2024-07.parquet',
      'datasets/equities/_manifest.json',
    ]);
  });

  it('selects tickers and an inclusive range of bar starts', async () => {
    const bars = makeBars(['AAPL', 'MSFT'], START, END);
    await store.append('equities', bars);
    const aapl = bars.batches[0]!;

    const read = await store.read('equities', { tickers: ['AAPL'], start: aapl.ts[10]!, end: aapl.ts[20]! });

    expect(read.batches.map((batch) => batch.ticker)).toEqual(['AAPL']);
    expect([...read.batches[0]!.ts]).toEqual([...aapl.ts.subarray(10, 21)]);
  });

  it('keeps the synthetic label on the way out and refuses to mix real bars into a synthetic dataset', async () => {
    await store.append('demo', makeBars(['AAPL'], START, END, 7, true));

    const read = await store.read('demo');

    expect(read.origin.kind).toBe('synthetic');
    expect(read.origin.detail).toBe('SYNTHETIC bar store dataset "demo"');
    await expect(store.append('demo', makeBars(['AAPL'], START, END))).rejects.toThrow(
      'dataset "demo": the origin is synthetic data in the store, was real data',
    );
  });
});

describe('BarStore appends', () => {
  it('de-duplicates overlapping appends by (ticker, ts); the later bar wins', async () => {
    const bars = makeBars(['AAPL'], START, END);
    const revised = reviseDay(bars, '2024-06-28', 0.5);
    await store.append('equities', daysOf(bars, START, '2024-06-28'));

    const summary = await store.append('equities', daysOf(revised, '2024-06-27', END));
    const read = await store.read('equities');

    expect(rowsOf(read), 'the union, each bar once, Jun 28 as revised').toEqual(rowsOf(revised));
    expect(summary.replaced, 'Jun 28: 78 bars changed').toBe(78);
    expect(summary.unchanged, 'Jun 27: 78 bars written again unchanged').toBe(78);
    expect(summary.added).toBe(rowsOf(daysOf(bars, '2024-07-01', END)).length);
  });

  it('writes the same bytes for the same input: again, in another store, or in two overlapping halves', async () => {
    const bars = makeBars(['AAPL', 'MSFT'], START, END);
    await store.append('equities', bars);
    const first = await hashesUnder(blobs, 'datasets/');

    const again = await store.append('equities', bars);
    const other = await tempBlobStore();
    const halves = new BarStore(other.blobs);
    await halves.append('equities', daysOf(bars, '2024-07-02', END));
    await halves.append('equities', daysOf(bars, START, '2024-07-03'));
    const otherHashes = await hashesUnder(other.blobs, 'datasets/');
    await other.cleanup();

    expect(again, 'a retried append changes nothing').toMatchObject({ partitionsWritten: 0, partitionsUnchanged: 4 });
    expect(await hashesUnder(blobs, 'datasets/')).toEqual(first);
    expect(otherHashes, 'the same bars give the same bytes whatever the order of appends').toEqual(first);
  });

  it('lets concurrent appends into the same partitions all land', async () => {
    const bars = makeBars(['AAPL', 'MSFT'], START, END);
    const days = ['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-05', '2024-07-08', '2024-07-09'];
    await store.append('equities', daysOf(bars, START, '2024-06-28'));

    // Every writer touches AAPL/2024-07 and MSFT/2024-07; one overlaps the June data already stored.
    await Promise.all([
      ...days.map((day) => new BarStore(blobs).append('equities', daysOf(bars, day, day))),
      new BarStore(blobs).append('equities', daysOf(bars, '2024-06-27', '2024-07-01')),
    ]);

    expect(rowsOf(await store.read('equities')), "no writer lost another one's bars").toEqual(rowsOf(bars));
    expect((await blobs.list('locks/')).length, 'every lock released').toBe(0);
  });
});

describe('BarStore bad input', () => {
  it('names the known datasets when asked for an unknown one', async () => {
    await expect(store.read('nothing')).rejects.toThrow(
      'no bars dataset "nothing" in the store; the store holds none yet (add one with `intraday store put`)',
    );
    await store.append('equities', makeBars(['AAPL'], START, START));
    await expect(store.gaps('equitys')).rejects.toMatchObject({
      code: 'DATASET_NOT_FOUND',
      message: 'no bars dataset "equitys" in the store; known: equities',
    });
  });

  it('refuses a bad name, another bar size, unsorted bars and an empty append, writing nothing', async () => {
    const bars = makeBars(['AAPL'], START, START);
    await store.append('equities', bars);
    const before = await hashesUnder(blobs, '');
    const batch = bars.batches[0]!;
    const oneMinute = { ...bars, batches: [{ ...batch, barMs: 60_000 }] };
    const unsorted = { ...bars, batches: [{ ...batch, ts: batch.ts.slice().reverse() }] };

    await expect(store.append('../x', bars)).rejects.toMatchObject({ code: 'INVALID_DATASET_NAME' });
    await expect(store.append('equities', oneMinute)).rejects.toThrow(
      'dataset "equities": the bar size is 300000 ms in the store, was 60000 ms',
    );
    await expect(store.append('equities', unsorted)).rejects.toMatchObject({ code: 'INVALID_SERIES' });
    await expect(store.append('equities', { ...bars, batches: [] })).rejects.toThrow(
      'dataset "equities": the append holds no bars',
    );
    expect(await hashesUnder(blobs, ''), 'nothing stored changed').toEqual(before);
  });

  it('reports a partition that is not Parquet, by key', async () => {
    await store.append('equities', makeBars(['AAPL'], START, START));
    await blobs.put('datasets/equities/AAPL/2024-06.parquet', 'not parquet');

    await expect(store.read('equities')).rejects.toMatchObject({
      code: 'CORRUPT_PARTITION',
      message: expect.stringContaining('partition "datasets/equities/AAPL/2024-06.parquet" cannot be read as Parquet'),
    });
  });
});
