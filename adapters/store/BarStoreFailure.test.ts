import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore, PutOptions } from '../../core/storage/blobStore.js';
import type { LocalBlobStore } from '../blob/LocalBlobStore.js';
import { BarStore } from './BarStore.js';
import { hashesUnder, makeBars, reviseDay, rowsOf, tempBlobStore } from './storeTestKit.js';

let blobs: LocalBlobStore;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ blobs, cleanup } = await tempBlobStore());
});

afterEach(async () => {
  await cleanup();
});

/** The real local store, except that the n-th partition put fails (a disk or network error mid-append). */
function failingOnPut(inner: BlobStore, failAt: number): BlobStore {
  let partitionPuts = 0;
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'put') {
        return async (key: string, data: Uint8Array | string, options?: PutOptions): Promise<void> => {
          if (key.endsWith('.parquet') && ++partitionPuts === failAt) {
            throw new Error(`injected failure writing ${key}`);
          }
          await target.put(key, data, options);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('BarStore after a failed append', () => {
  it('stays readable with each partition old or new, releases its lock, and a retry completes the append', async () => {
    const bars = makeBars(['AAPL', 'MSFT'], '2024-06-24', '2024-07-09');
    const old = reviseDay(reviseDay(bars, '2024-06-28', 1), '2024-07-08', 1);
    await new BarStore(blobs).append('equities', old);
    const before = await hashesUnder(blobs, 'datasets/');

    const failed = new BarStore(failingOnPut(blobs, 2), { parallelTickers: 1 }).append('equities', bars);
    await expect(failed).rejects.toThrow('injected failure writing datasets/equities/AAPL/2024-07.parquet');
    const after = await hashesUnder(blobs, 'datasets/');
    const readAfterFailure = await new BarStore(blobs).read('equities');
    const retried = await new BarStore(blobs).append('equities', bars);

    expect(after['datasets/equities/AAPL/2024-06.parquet'], 'the partition written before the failure is new').not.toBe(
      before['datasets/equities/AAPL/2024-06.parquet'],
    );
    expect(
      Object.keys(after).filter((key) => !key.includes('AAPL/2024-06') && after[key] !== before[key]),
      'every other partition is untouched',
    ).toEqual([]);
    expect(rowsOf(readAfterFailure), 'AAPL June new, the rest old').toEqual(
      rowsOf({ ...old, batches: [reviseDay(bars, '2024-07-08', 1).batches[0]!, old.batches[1]!] }),
    );
    expect(await blobs.list('locks/'), 'the lock was released on the failure').toEqual([]);
    expect(retried.partitionsUnchanged, 'the retry skips the partition already written').toBe(1);
    expect(rowsOf(await new BarStore(blobs).read('equities'))).toEqual(rowsOf(bars));
  });

  it('breaks a lock left by a process that no longer runs', async () => {
    const bars = makeBars(['AAPL'], '2024-07-01', '2024-07-02');
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it.
    const dead = {
      owner: 'gone',
      host: hostname(),
      pid: 4_194_305,
      acquired: new Date().toISOString(),
    };
    await blobs.put('locks/datasets/equities/AAPL', JSON.stringify(dead));

    const summary = await new BarStore(blobs, { lock: { timeoutMs: 5_000 } }).append('equities', bars);

    expect(summary.added).toBe(156);
    expect(await blobs.list('locks/')).toEqual([]);
  });

  it('waits for a live holder and times out with a message naming it', async () => {
    const bars = makeBars(['AAPL'], '2024-07-01', '2024-07-01');
    const live = { owner: 'other', host: 'another-host', pid: 1, acquired: new Date().toISOString() };
    await blobs.put('locks/datasets/equities/AAPL', JSON.stringify(live));

    const append = new BarStore(blobs, { lock: { timeoutMs: 300 } }).append('equities', bars);

    await expect(append).rejects.toMatchObject({
      code: 'STORE_LOCK_TIMEOUT',
      message: expect.stringContaining(
        `lock "locks/datasets/equities/AAPL" is still held by process 1 on another-host`,
      ),
    });
  });
});
