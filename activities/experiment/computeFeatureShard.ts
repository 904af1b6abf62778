import { rm } from 'node:fs/promises';
import { writeTable } from '../../adapters/data/writeTable.js';
import type { TargetsConfig } from '../../config/targets.js';
import type { BarBatch, DataOrigin } from '../../core/data/BarBatch.js';
import type { Table, TableColumn } from '../../core/data/Table.js';
import type { FeatureShardInput, FeatureShardResult, PreparedExperiment } from '../../core/experiment/contracts.js';
import { buildFeaturePipeline } from '../../core/features/index.js';
import { buildFeatureTable } from '../../core/pipeline/buildFeatureTable.js';
import { forwardReturn, sessionSegments, targetEntry } from '../../core/targets/index.js';
import { countRows, readBarsFile } from './barsFile.js';
import { localCopy, putFile, scratchPath } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError } from './errors.js';

/** Name of the extra column: the simple close-to-close return over the target's horizon (what a trade earns). */
export const FORWARD_RETURN_COLUMN = '_forward_return';

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

/** Tables with the same columns, one after the other. */
function concatTables(parts: readonly Table[], origin: DataOrigin): Table {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const metadata = parts[0]?.metadata ?? { origin_kind: origin.kind, origin_detail: origin.detail };
  const columns = (parts[0]?.columns ?? []).map((first, k): TableColumn => {
    if (first.kind === 'string') {
      return { name: first.name, kind: 'string', values: parts.flatMap((part) => part.columns[k]!.values as string[]) };
    }
    const values = new Float64Array(length);
    let offset = 0;
    for (const part of parts) {
      values.set(part.columns[k]!.values as Float64Array, offset);
      offset += part.length;
    }
    return { name: first.name, kind: first.kind, values };
  });
  return { length, columns, metadata };
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
  const pipeline = buildFeaturePipeline(deps.app.features, prepared.features);
  const names = [...prepared.features, prepared.target.name];
  const parts: Table[] = [];
  // One ticker at a time, yielding in between, so Temporal's heartbeats go out during long CPU work.
  for (const batch of bars.batches) {
    const one = { batches: [batch], origin: bars.origin };
    const full = buildFeatureTable(one, { pipeline, targets: deps.app.targets, targetNames: [prepared.target.name] });
    const byName = new Map(full.columns.map((column) => [column.name, column]));
    parts.push({
      length: full.length,
      columns: [
        ...['ticker', 'ts', ...names].map((name) => byName.get(name)!),
        { name: FORWARD_RETURN_COLUMN, kind: 'number', values: forwardReturnColumn(batch, deps.app.targets, prepared) },
      ],
      metadata: full.metadata,
    });
    deps.heartbeat({ step: 'features', shard, ticker: batch.ticker });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const table = concatTables(parts, bars.origin);
  const path = await scratchPath(deps, `shard-${shard}.parquet`);
  try {
    await writeTable(path, table);
    await putFile(deps, key, path);
  } finally {
    await rm(path, { force: true });
  }
  return { key, rows: table.length };
}
