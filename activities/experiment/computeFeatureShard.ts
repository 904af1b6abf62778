import { rm } from 'node:fs/promises';
import { writeParquet, type ParquetWriteOptions } from '../../adapters/data/writeParquet.js';
import type { TargetsConfig } from '../../config/targets.js';
import type { BarBatch, BarSet } from '../../core/data/BarBatch.js';
import type { Table, TableColumn } from '../../core/data/Table.js';
import type { FeatureShardInput, FeatureShardResult, PreparedExperiment } from '../../core/experiment/contracts.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { computeTargets, forwardReturn, sessionSegments, targetEntry } from '../../core/targets/index.js';
import { countRows, readBarsFile } from './barsFile.js';
import { localCopy, putFile, scratchPath } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError } from './errors.js';

/** Name of the extra column: the simple close-to-close return over the target's horizon (what a trade earns). */
export const FORWARD_RETURN_COLUMN = '_forward_return';

/**
 * Shards are read once, by assembleDataset, soon after they are written: uncompressed plain pages cost about half
 * the encoding time of zstd with dictionaries, and read faster (activities/experiment/README.md, "Speed").
 */
export const SHARD_ENCODING: ParquetWriteOptions = { compression: 'uncompressed', dictionary: false };

/** `<datasetPrefix>/shards/<shard>.parquet` */
export function shardKeyOf(prepared: PreparedExperiment, shard: number): string {
  return `${prepared.datasetPrefix}/shards/${shard}.parquet`;
}

/**
 * `close[t + horizon] / close[t] - 1` within one ticker, NaN where the window leaves the data or (unless the target
 * crosses sessions) the session segment of bar t: the target's own forward-return rule (core/targets), so the column
 * looks no further ahead than the target does.
 */
export function forwardReturnColumn(
  batch: BarBatch,
  targets: TargetsConfig,
  prepared: PreparedExperiment,
): Float64Array {
  const entry = targetEntry(targets, prepared.target.name);
  const segments = entry.cross_session ? null : sessionSegments(batch.ts);
  return forwardReturn(batch, { bars_ahead: prepared.target.horizon, entry: 'close' }, segments);
}

/**
 * The shard's columns, filled one ticker at a time straight into arrays of the shard's length. The values are
 * those of core/pipeline `buildFeatureTable` (the same pipeline and targets, copied as they are computed); writing
 * them in place instead of building a table per ticker and concatenating saves a copy of every column and the
 * garbage it leaves, which on a busy worker thread delays the other shards (README, "Speed").
 */
async function shardTable(
  deps: ExperimentDeps,
  bars: BarSet,
  prepared: PreparedExperiment,
  shard: number,
): Promise<Table> {
  const pipeline = buildFeaturePipeline(deps.app.features, prepared.features);
  const target = prepared.target.name;
  const names = [...prepared.features, target];
  const clash = names.find((name, i) => names.indexOf(name) !== i || name === 'ticker' || name === 'ts');
  if (clash !== undefined) {
    throw new BadExperimentConfigError(`prepared experiment: column "${clash}" would appear twice in the shard`);
  }
  const slots = prepared.features.map((name) => pipeline.names.indexOf(name));
  const length = bars.batches.reduce((sum, batch) => sum + batch.length, 0);
  const tickers = new Array<string>(length);
  const ts = new Float64Array(length);
  const features = slots.map(() => new Float64Array(length));
  const targetValues = new Float64Array(length);
  const forward = new Float64Array(length);
  let at = 0;
  // One ticker at a time, yielding in between, so Temporal's heartbeats go out during long CPU work.
  for (const batch of bars.batches) {
    const n = batch.length;
    tickers.fill(batch.ticker, at, at + n);
    ts.set(batch.ts.subarray(0, n), at);
    // computeBatch reuses its arrays on the next call: copy now.
    const computed = pipeline.computeBatch(batch);
    slots.forEach((slot, k) => features[k]!.set(computed[slot]!.subarray(0, n), at));
    targetValues.set(computeTargets(batch, deps.app.targets, [target]).columns[0]!.subarray(0, n), at);
    forward.set(forwardReturnColumn(batch, deps.app.targets, prepared).subarray(0, n), at);
    at += n;
    deps.heartbeat({ step: 'features', shard, ticker: batch.ticker });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return {
    length,
    columns: [
      { name: 'ticker', kind: 'string', values: tickers },
      { name: 'ts', kind: 'timestamp', values: ts },
      ...prepared.features.map((name, k): TableColumn => ({ name, kind: 'number', values: features[k]! })),
      { name: target, kind: 'number', values: targetValues },
      { name: FORWARD_RETURN_COLUMN, kind: 'number', values: forward },
    ],
    metadata: { origin_kind: bars.origin.kind, origin_detail: bars.origin.detail },
  };
}

/**
 * Features and target of one ticker shard: `ticker, ts`, exactly `prepared.features` (dependencies are computed
 * but not written), the target, and `_forward_return`, rows grouped by ticker in time order. Stored at
 * `<datasetPrefix>/shards/<shard>.parquet` (same bars and definitions, same bytes); an existing key is reused.
 */
export async function computeFeatureShard(deps: ExperimentDeps, input: FeatureShardInput): Promise<FeatureShardResult> {
  const { prepared, shard } = input;
  const tickers = prepared.shards[shard];
  if (tickers === undefined || tickers.length === 0) {
    throw new BadExperimentConfigError(
      `feature shard ${shard} does not exist: the experiment has shards 0 to ${prepared.shards.length - 1}`,
    );
  }
  const key = shardKeyOf(prepared, shard);
  if (await deps.store.exists(key)) {
    return { key, rows: await countRows(await localCopy(deps, key)) };
  }
  const bars = await readBarsFile(await localCopy(deps, prepared.barsKey), tickers);
  const table = await shardTable(deps, bars, prepared, shard);
  const path = await scratchPath(deps, `shard-${shard}.parquet`);
  try {
    await writeParquet(path, table, SHARD_ENCODING);
    await putFile(deps, key, path);
  } finally {
    await rm(path, { force: true });
  }
  return { key, rows: table.length };
}
