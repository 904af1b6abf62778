import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalBlobStore } from '../../adapters/blob/LocalBlobStore.js';
import { writeTable } from '../../adapters/data/index.js';
import { BarStore } from '../../adapters/store/index.js';
import { makeBars, rowsOf } from '../../adapters/store/storeTestKit.js';
import { barsToTable } from '../../core/data/barsToTable.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import { newYorkMonthOf } from '../../core/storage/series.js';
import { REPO_ROOT } from '../support/sharedData.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'store-crash-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Rows grouped by partition (`TICKER/yyyymm`), as text for exact comparison. */
function byPartition(bars: BarSet): Map<string, string> {
  const groups = new Map<string, (string | number)[][]>();
  for (const row of rowsOf(bars)) {
    const key = `${row[0]}/${newYorkMonthOf(row[1] as number)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return new Map([...groups].map(([key, rows]) => [key, JSON.stringify(rows)]));
}

/** A copy with every close moved up by 1 (high widened): the "old" data the crashed append replaces. */
function shifted(bars: BarSet): BarSet {
  return {
    ...bars,
    batches: bars.batches.map((batch) => ({
      ...batch,
      close: batch.close.map((close) => close + 1),
      high: batch.high.map((high, i) => Math.max(high, batch.close[i]! + 1)),
    })),
  };
}

async function partitionTimes(root: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const ticker of await readdir(root)) {
    if (ticker.startsWith('_')) continue;
    for (const name of await readdir(join(root, ticker))) {
      if (!name.endsWith('.parquet')) continue;
      times.set(`${ticker}/${name}`, (await stat(join(root, ticker, name))).mtimeMs);
    }
  }
  return times;
}

describe('a bar-store append killed mid-way', () => {
  it('leaves every partition whole, old or new, and a rerun finishes the append', async () => {
    const tickers = ['AAPL', 'AMZN', 'GOOG', 'META', 'MSFT', 'NVDA', 'QQQ', 'SPY', 'TSLA', 'AMD'];
    const fresh = makeBars(tickers, '2024-04-01', '2024-06-28');
    const old = shifted(fresh);
    const blobs = new LocalBlobStore(join(dataDir, 'blobs'));
    await new BarStore(blobs).append('crash', old);
    const file = join(dataDir, 'fresh.parquet');
    await writeTable(file, barsToTable(fresh));
    const root = join(dataDir, 'blobs', 'datasets', 'crash');
    const before = await partitionTimes(root);

    // Kill the writer (SIGKILL: no clean-up runs) as soon as its first partition has been published.
    const child = spawn(
      'node',
      [join(REPO_ROOT, 'bin', 'intraday.js'), 'store', 'put', '--dataset', 'crash', '--data', file],
      {
        env: { ...process.env, INTRADAY_DATA_DIR: dataDir },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let changed = 0;
    while (changed === 0 && child.exitCode === null) {
      const now = await partitionTimes(root);
      changed = [...now].filter(([key, time]) => before.get(key) !== time).length;
      if (changed === 0) await sleep(2);
    }
    child.kill('SIGKILL');
    await exited;

    const afterCrash = byPartition(await new BarStore(blobs).read('crash'));
    const oldParts = byPartition(old);
    const newParts = byPartition(fresh);
    const states = [...afterCrash].map(([key, rows]) =>
      rows === newParts.get(key) ? 'new' : rows === oldParts.get(key) ? 'old' : 'torn',
    );

    expect(child.signalCode, 'the writer was killed, not finished').toBe('SIGKILL');
    expect([...afterCrash.keys()].sort(), 'every partition is still there').toEqual([...oldParts.keys()].sort());
    expect(
      states.filter((state) => state === 'torn'),
      'no partition holds a mix',
    ).toEqual([]);
    expect(states.filter((state) => state === 'new').length, 'some partitions were published').toBeGreaterThan(0);
    expect(states.filter((state) => state === 'old').length, 'the kill came before the end').toBeGreaterThan(0);

    // The lock of the killed process is broken because its pid is gone; the rerun completes the append.
    const rerun = await new BarStore(blobs, { lock: { timeoutMs: 10_000 } }).append('crash', fresh);
    expect(rerun.partitionsUnchanged, 'the partitions already published are recognised').toBeGreaterThan(0);
    expect(rowsOf(await new BarStore(blobs).read('crash'))).toEqual(rowsOf(fresh));
  }, 180_000);
});
