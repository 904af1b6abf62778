import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuck, queryColumns, sqlString, type CodedStrings } from '../../adapters/data/duckdb.js';
import type { PreparedExperiment } from '../../core/experiment/contracts.js';
import { buildFeatureTable } from '../../core/pipeline/buildFeatureTable.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { assembleDataset, readRowTimes } from './assembleDataset.js';
import { readBarsFile } from './barsFile.js';
import { computeFeatureShard, FORWARD_RETURN_COLUMN, forwardReturnColumn } from './computeFeatureShard.js';
import { makeDeps, parquetColumnNames, prepare, readParquet, smallExperiment } from './experimentTestKit.js';
import { ingestBars } from './ingestBars.js';

let kit: Awaited<ReturnType<typeof makeDeps>>;
beforeEach(async () => {
  kit = await makeDeps();
});
afterEach(async () => {
  await kit.cleanup();
});

async function shardsOf(prepared: PreparedExperiment): Promise<string[]> {
  await ingestBars(kit.deps, { prepared });
  const keys: string[] = [];
  for (let shard = 0; shard < prepared.shards.length; shard++) {
    keys.push((await computeFeatureShard(kit.deps, { prepared, shard })).key);
  }
  return keys;
}

describe('assembleDataset', () => {
  it('merges the shards sorted by (ts, ticker) and plans the folds over the distinct bar times', async () => {
    const prepared = await prepare(kit.deps, smallExperiment());
    const shardKeys = await shardsOf(prepared);

    const result = await assembleDataset(kit.deps, { prepared, shardKeys });
    const path = kit.store.pathOf(result.datasetKey);
    const [ts, tickers] = await readParquet(path, [
      { name: 'ts', kind: 'double' },
      { name: 'ticker', kind: 'varchar' },
    ]);
    const times = ts as Float64Array;
    const names = tickers as string[];

    expect(result.datasetKey).toBe(`${prepared.datasetPrefix}/dataset.parquet`);
    expect(result.rows).toBe(3 * 15 * 78);
    expect(result.steps, 'every ticker has a bar at each of the 15 x 78 times').toBe(15 * 78);
    expect(names.slice(0, 4)).toEqual(['AAPL', 'GOOG', 'MSFT', 'AAPL']);
    for (let row = 1; row < times.length; row++) {
      const ordered = times[row - 1]! < times[row]! || (times[row - 1] === times[row] && names[row - 1]! < names[row]!);
      expect(ordered, `row ${row} follows row ${row - 1} in (ts, ticker) order`).toBe(true);
    }
    expect(await parquetColumnNames(path)).toEqual([
      'ticker',
      'ts',
      'sma_5',
      'rsi_14',
      'volume_ratio',
      'direction_5',
      '_forward_return',
    ]);
    // 1170 steps, train_fraction 0.5: tests start at 585 and split at 585 + floor(k x 585 / 3) = 585, 780, 975.
    expect(result.folds.map((fold) => fold.test_rows)).toEqual([
      [585 * 3, 780 * 3],
      [780 * 3, 975 * 3],
      [975 * 3, 1170 * 3],
    ]);
    // Rolling training window of 585 - 5 = 580 steps: 116 validate, 5 are purged, 459 train.
    expect(result.folds[0]).toMatchObject({ train_rows: [[0, 459 * 3]], valid_rows: [464 * 3, 580 * 3] });
    expect(result.folds[0]!.test_from).toBe(new Date(times[585 * 3]!).toISOString());
  });

  it('reuses the stored dataset and returns the same plan and bytes', async () => {
    const prepared = await prepare(kit.deps, smallExperiment());
    const shardKeys = await shardsOf(prepared);
    const first = await assembleDataset(kit.deps, { prepared, shardKeys });
    const bytes = Buffer.from(await kit.store.get(first.datasetKey));

    const second = await assembleDataset(kit.deps, { prepared, shardKeys });
    await kit.store.delete(first.datasetKey);
    const third = await assembleDataset(kit.deps, { prepared, shardKeys });

    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(Buffer.from(await kit.store.get(first.datasetKey)).equals(bytes), 'same shards, same bytes').toBe(true);
  });

  it('holds, bit for bit, every feature, the target and _forward_return as computed in memory', async () => {
    // The shards and the dataset use cheaper encodings than zstd level 3 (SHARD_ENCODING, DATASET_ENCODING): the
    // values must not change. Reference: buildFeatureTable over all bars at once, no file in between.
    const prepared = await prepare(kit.deps, smallExperiment({ features: 'all' }), 2);
    const result = await assembleDataset(kit.deps, { prepared, shardKeys: await shardsOf(prepared) });
    const bars = await readBarsFile(kit.store.pathOf(prepared.barsKey), ['AAPL', 'GOOG', 'MSFT']);
    const table = buildFeatureTable(bars, {
      pipeline: buildFeaturePipeline(kit.deps.app.features, prepared.features),
      targets: kit.deps.app.targets,
      targetNames: [prepared.target.name],
    });
    const names = [...prepared.features, prepared.target.name];
    const expected = new Map(table.columns.map((column) => [column.name, column.values as Float64Array]));
    const forward = new Float64Array(table.length);
    let offset = 0;
    for (const batch of bars.batches) {
      forward.set(forwardReturnColumn(batch, kit.deps.app.targets, prepared), offset);
      offset += batch.length;
    }
    expected.set(FORWARD_RETURN_COLUMN, forward);
    const rowOf = new Map<string, number>();
    const tickers = table.columns.find((column) => column.name === 'ticker')!.values as string[];
    const times = expected.get('ts')!;
    tickers.forEach((ticker, row) => rowOf.set(`${ticker} ${times[row]}`, row));

    const path = kit.store.pathOf(result.datasetKey);
    const columns = [...names, FORWARD_RETURN_COLUMN];
    const duck = await openDuck();
    const stored = await queryColumns(
      duck.connection,
      `SELECT ticker, CAST(epoch_ms(ts) AS DOUBLE), ${columns.map((name) => `"${name}"`).join(', ')} ` +
        `FROM read_parquet(${sqlString(path)})`,
      ['varchar', 'double', ...columns.map(() => 'double' as const)],
    );
    duck.close();
    const storedTickers = stored.columns[0] as CodedStrings;
    const storedTimes = stored.columns[1] as Float64Array;

    expect(prepared.features.length, 'every configured feature').toBeGreaterThan(40);
    expect(stored.length).toBe(table.length);
    let compared = 0;
    let finite = 0;
    for (let row = 0; row < stored.length; row++) {
      const source = rowOf.get(`${storedTickers.names[storedTickers.codes[row]!]} ${storedTimes[row]}`);
      expect(source, `dataset row ${row} is a bar of the set`).toBeDefined();
      columns.forEach((name, k) => {
        const got = (stored.columns[k + 2] as Float64Array)[row]!;
        const want = expected.get(name)![source!]!;
        // NaN is stored as NULL and read back as NaN; every other value must be the same double.
        if (!Object.is(got, want)) expect(got, `${name} at dataset row ${row}`).toBe(want);
        compared++;
        if (Number.isFinite(want)) finite++;
      });
    }
    expect(compared).toBe(table.length * columns.length);
    expect(finite, 'most values are numbers, not NaN').toBeGreaterThan(compared * 0.9);
  });

  it('refuses data with too few bar times for the folds, with the numbers', async () => {
    // One session (78 bar times), train_fraction 0.1: 7 steps before the first test, a purge of 5 leaves 2 to
    // train, 1 of which validates, and the purge of 5 before validation leaves none.
    const config = smallExperiment({
      data: { source: 'synthetic', tickers: ['AAPL'], start: '2024-03-04', end: '2024-03-04' },
      walk_forward: { folds: 3, train_fraction: 0.1 },
    });
    const prepared = await prepare(kit.deps, config);
    const shardKeys = await shardsOf(prepared);

    await expect(assembleDataset(kit.deps, { prepared, shardKeys })).rejects.toMatchObject({
      code: 'BAD_EXPERIMENT_DATA',
      message:
        `${prepared.datasetPrefix}/dataset.parquet (78 rows): walk-forward: fold 0 has 2 training bar times (of 78): ` +
        'a validation window of 1 plus a purge of 5 leaves none to train on; use fewer folds, a larger ' +
        'train_fraction or more data',
    });
  });

  it("reads each row's label end from its own ticker's bars, so a gap lengthens it", async () => {
    // AAPL and MSFT, 10 bars from 09:30 on three days; MSFT has no 10:00 bar on March 5. MSFT's 09:35 bar on that
    // day labels with its 5th next bar, 10:05, one bar time later than AAPL's 09:35 bar (10:00).
    const lines = ['ticker,ts,open,high,low,close,volume'];
    for (const day of ['2024-03-04', '2024-03-05', '2024-03-06']) {
      for (const ticker of ['AAPL', 'MSFT']) {
        for (let k = 0; k < 10; k++) {
          const minute = 30 + 5 * k;
          const time = `${9 + Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
          if (ticker === 'MSFT' && day === '2024-03-05' && time === '10:00') continue;
          lines.push(`${ticker},${day} ${time.padStart(5, '0')},100,103,99,${100 + (k % 3)},1000`);
        }
      }
    }
    const path = join(kit.root, 'gap.csv');
    await writeFile(path, lines.join('\n') + '\n');
    const config = smallExperiment({
      data: { source: 'csv', path, tickers: ['AAPL', 'MSFT'], start: '2024-03-04', end: '2024-03-06' },
      walk_forward: { folds: 1, train_fraction: 0.8 },
    });
    const prepared = await prepare(kit.deps, config);
    const result = await assembleDataset(kit.deps, { prepared, shardKeys: await shardsOf(prepared) });

    const { times, labelEnds } = await readRowTimes(kit.store.pathOf(result.datasetKey), 'direction_5', 5);
    const row = (ticker: number, hhmm: string): number => {
      const first = times.indexOf(Date.parse(`2024-03-05T${hhmm}:00-05:00`));
      return first + ticker;
    };
    const iso = (ms: number): string => new Date(ms).toISOString();

    expect(result.rows).toBe(59);
    expect(iso(labelEnds[row(0, '09:35')]!), 'AAPL 09:35 -> 10:00').toBe('2024-03-05T15:00:00.000Z');
    expect(iso(labelEnds[row(1, '09:35')]!), 'MSFT 09:35 -> 10:05').toBe('2024-03-05T15:05:00.000Z');
    expect(labelEnds[row(0, '09:55')], 'AAPL 09:55 has no 5th next bar that day').toBeNaN();
  });
});
