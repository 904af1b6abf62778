import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBlobStore } from '../adapters/blob/LocalBlobStore.js';
import { BarStore } from '../adapters/store/BarStore.js';
import type { BarSet } from '../core/data/BarBatch.js';

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The Parquet bar store on a local folder: one append of every bar into an empty dataset (partitioned by ticker and
 * month), the same append again (merge, bytes equal, nothing written), and a read of the whole dataset.
 */
export async function benchStore(bars: BarSet): Promise<Record<string, number>> {
  const rows = bars.batches.reduce((sum, batch) => sum + batch.length, 0);
  const root = await mkdtemp(join(tmpdir(), 'store-bench-'));
  try {
    const store = new BarStore(new LocalBlobStore(join(root, 'blobs')));
    let started = performance.now();
    const written = await store.append('bench', bars);
    const writeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await store.append('bench', bars);
    const rewriteSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const read = await store.read('bench');
    const readSeconds = (performance.now() - started) / 1000;
    const readRows = read.batches.reduce((sum, batch) => sum + batch.length, 0);
    if (readRows !== rows) throw new Error(`store benchmark read ${readRows} rows back, wrote ${rows}`);
    return {
      'store.rows': rows,
      'store.partitions': written.partitionsWritten,
      'store.write_seconds': round(writeSeconds),
      'store.write_rows_per_sec': Math.round(rows / writeSeconds),
      'store.rewrite_unchanged_seconds': round(rewriteSeconds),
      'store.read_seconds': round(readSeconds),
      'store.read_rows_per_sec': Math.round(rows / readSeconds),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
