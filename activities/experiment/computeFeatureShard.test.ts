import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreparedExperiment } from '../../core/experiment/contracts.js';
import { readBarsFile } from './barsFile.js';
import { computeFeatureShard, shardKeyOf } from './computeFeatureShard.js';
import { makeDeps, parquetColumnNames, prepare, readParquet, smallExperiment } from './experimentTestKit.js';
import { ingestBars } from './ingestBars.js';

let kit: Awaited<ReturnType<typeof makeDeps>>;
let prepared: PreparedExperiment;
beforeEach(async () => {
  kit = await makeDeps();
  prepared = await prepare(kit.deps, smallExperiment());
  await ingestBars(kit.deps, { prepared });
});
afterEach(async () => {
  await kit.cleanup();
});

const newYorkTime = (ms: number): string =>
  new Date(ms).toLocaleTimeString('en-US', { timeZone: 'America/New_York', hour12: false }).slice(0, 5);

describe('computeFeatureShard', () => {
  it('writes exactly the requested features, the target and _forward_return for the shard tickers', async () => {
    // Shards of 2 over the sorted tickers: [AAPL, GOOG] and [MSFT].
    const result = await computeFeatureShard(kit.deps, { prepared, shard: 0 });
    const path = kit.store.pathOf(result.key);

    expect(prepared.shards).toEqual([['AAPL', 'GOOG'], ['MSFT']]);
    expect(result).toEqual({ key: `${prepared.datasetPrefix}/shards/0.parquet`, rows: 2 * 15 * 78 });
    expect(await parquetColumnNames(path), 'volume_ratio dependencies are not written').toEqual([
      'ticker',
      'ts',
      'sma_5',
      'rsi_14',
      'volume_ratio',
      'direction_5',
      '_forward_return',
    ]);
    const [tickers] = await readParquet(path, [{ name: 'ticker', kind: 'varchar' }]);
    expect(new Set(tickers as string[])).toEqual(new Set(['AAPL', 'GOOG']));
  });

  it('computes _forward_return by hand within the session, and the target agrees with it', async () => {
    const result = await computeFeatureShard(kit.deps, { prepared, shard: 1 });
    const [ts, sma5, target, forward] = (await readParquet(kit.store.pathOf(result.key), [
      { name: 'ts', kind: 'double' },
      { name: 'sma_5', kind: 'double' },
      { name: 'direction_5', kind: 'double' },
      { name: '_forward_return', kind: 'double' },
    ])) as Float64Array[];
    const bars = await readBarsFile(kit.store.pathOf(prepared.barsKey), ['MSFT']);
    const close = bars.batches[0]!.close;
    // Bar 0 is 09:30 on March 4; bar 72 is 15:30 (its 5th next bar, 15:55, closes the session); bar 73 is 15:35.
    const at72 = newYorkTime(ts![72]!);

    expect(Array.from(ts!)).toEqual(Array.from(bars.batches[0]!.ts));
    expect(forward![0]).toBeCloseTo(close[5]! / close[0]! - 1, 15);
    expect(at72).toBe('15:30');
    expect(forward![72]).toBeCloseTo(close[77]! / close[72]! - 1, 15);
    expect(forward![73], 'the window would cross the close').toBeNaN();
    expect(forward![77]).toBeNaN();
    expect(forward![78], 'the next session starts afresh').toBeCloseTo(close[83]! / close[78]! - 1, 15);
    expect(sma5![4]).toBeCloseTo((close[0]! + close[1]! + close[2]! + close[3]! + close[4]!) / 5, 10);
    expect(sma5![3], 'sma_5 warms up over 5 bars').toBeNaN();
    for (let row = 0; row < ts!.length; row++) {
      const f = forward![row]!;
      const expected = Number.isNaN(f) ? NaN : f > 0.001 ? 2 : f < -0.001 ? 0 : 1;
      expect(target![row], `direction_5 of row ${row} follows the 0.1% dead zone`).toStrictEqual(expected);
    }
  });

  it('reuses an existing shard and writes the same bytes when recomputed', async () => {
    const before = kit.heartbeats.length;
    const first = await computeFeatureShard(kit.deps, { prepared, shard: 0 });
    const bytes = Buffer.from(await kit.store.get(first.key));
    const beats = kit.heartbeats.length - before;

    const second = await computeFeatureShard(kit.deps, { prepared, shard: 0 });
    const reusedBeats = kit.heartbeats.length - before - beats;
    await kit.store.delete(first.key);
    const third = await computeFeatureShard(kit.deps, { prepared, shard: 0 });

    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(reusedBeats, 'a reused shard computes nothing').toBe(0);
    expect(beats, 'one heartbeat per ticker').toBe(2);
    expect(Buffer.from(await kit.store.get(first.key)).equals(bytes), 'same input, same bytes').toBe(true);
  });

  it('refuses a shard number the experiment does not have', async () => {
    await expect(computeFeatureShard(kit.deps, { prepared, shard: 2 })).rejects.toMatchObject({
      code: 'BAD_EXPERIMENT_CONFIG',
      message: 'feature shard 2 does not exist: the experiment has shards 0 to 1',
    });
    expect(shardKeyOf(prepared, 2)).toBe(`${prepared.datasetPrefix}/shards/2.parquet`);
  });
});
