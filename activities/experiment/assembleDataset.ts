import { rm } from 'node:fs/promises';
import { openDuck, queryColumns, runSql, sqlIdentifier, sqlString } from '../../adapters/data/duckdb.js';
import { parquetCopyOptions, type ParquetWriteOptions } from '../../adapters/data/writeParquet.js';
import { WalkForwardSchema } from '../../config/experiment.js';
import { AppError } from '../../core/AppError.js';
import type { AssembleInput, AssembleResult } from '../../core/experiment/contracts.js';
import { planFolds, type FoldPlanSet } from '../../core/experiment/planFolds.js';
import { WalkForwardErrorCode } from '../../core/validation/errors.js';
import { readKeyValueMetadata } from './barsFile.js';
import { localCopy, putFile, scratchPath } from './blobFiles.js';
import type { ExperimentDeps } from './deps.js';
import { BadExperimentConfigError, BadExperimentDataError } from './errors.js';

/** `<datasetPrefix>/dataset.parquet` */
export function datasetKeyOf(datasetPrefix: string): string {
  return `${datasetPrefix}/dataset.parquet`;
}

/**
 * The dataset is an intermediate artifact too (the trainer and predictFold read it during the experiment): zstd
 * level 1 without dictionary pages writes in about 60% of the time of level 3 with them, for a file about 10% larger
 * (activities/experiment/README.md, "Speed").
 */
export const DATASET_ENCODING: ParquetWriteOptions = { compression: 'zstd', compressionLevel: 1, dictionary: false };

/**
 * Merges shard files into one Parquet file sorted by (ts, ticker). DuckDB compares VARCHAR byte-wise (its default
 * binary collation), the order numpy gives the Python trainer's ticker codes, so row ranges mean the same rows on
 * both sides. One thread keeps row groups, and so the bytes, the same from run to run.
 */
async function mergeShards(inputs: readonly string[], out: string, metadata: Record<string, string>): Promise<void> {
  const duck = await openDuck();
  try {
    await runSql(duck.connection, 'SET threads = 1');
    const kv = Object.entries(metadata)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${sqlString(key)}: ${sqlString(value)}`);
    const options = [
      ...parquetCopyOptions(DATASET_ENCODING),
      ...(kv.length > 0 ? [`KV_METADATA {${kv.join(', ')}}`] : []),
    ];
    await runSql(
      duck.connection,
      `COPY (SELECT * FROM read_parquet([${inputs.map(sqlString).join(', ')}]) ORDER BY ts, ticker) ` +
        `TO ${sqlString(out)} (${options.join(', ')})`,
    );
  } finally {
    duck.close();
  }
}

/**
 * The bar start (UTC ms) of every row of the dataset in file order, and the bar start of the last bar its label
 * uses: the `horizon`-th next bar of the same ticker (NaN where the target is undefined, so the trainer drops it).
 */
export async function readRowTimes(
  path: string,
  target: string,
  horizon: number,
): Promise<{ times: Float64Array; labelEnds: Float64Array }> {
  const duck = await openDuck();
  try {
    const labelEnd =
      `CASE WHEN ${sqlIdentifier(target)} IS NULL THEN NULL ` +
      `ELSE LEAD(ts, ${horizon}) OVER (PARTITION BY ticker ORDER BY ts) END`;
    const { columns } = await queryColumns(
      duck.connection,
      `SELECT CAST(epoch_ms(ts) AS DOUBLE), CAST(epoch_ms(${labelEnd}) AS DOUBLE) ` +
        `FROM read_parquet(${sqlString(path)}, file_row_number = true) ORDER BY file_row_number`,
      ['double', 'double'],
    );
    return { times: columns[0] as Float64Array, labelEnds: columns[1] as Float64Array };
  } finally {
    duck.close();
  }
}

function plan(
  input: AssembleInput,
  rowTimes: { times: Float64Array; labelEnds: Float64Array },
  datasetKey: string,
): FoldPlanSet {
  const parsed = WalkForwardSchema.safeParse(input.prepared.config.walk_forward ?? {});
  if (!parsed.success) {
    throw new BadExperimentConfigError(`prepared experiment: walk_forward is invalid: ${parsed.error.message}`);
  }
  try {
    return planFolds(rowTimes.times, parsed.data, input.prepared.target.horizon, rowTimes.labelEnds);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const where = `${datasetKey} (${rowTimes.times.length} rows)`;
    if (error.code === WalkForwardErrorCode.WALK_FORWARD_TOO_FEW_BARS) {
      throw new BadExperimentDataError(`${where}: ${error.message}`);
    }
    throw new BadExperimentConfigError(`${where}: ${error.message}`);
  }
}

/**
 * One dataset from the feature shards, at `<datasetPrefix>/dataset.parquet`, rows sorted by (ts, ticker), and its
 * walk-forward fold plan in rows (core/experiment planFolds, given each row's label end so a ticker with missing
 * bars cannot label across the purge). An existing dataset is reused; the plan is always
 * derived from the stored file, so a retry returns the same plan. Too few bar times for the folds throws
 * BadExperimentDataError with the numbers.
 */
export async function assembleDataset(deps: ExperimentDeps, input: AssembleInput): Promise<AssembleResult> {
  const datasetKey = datasetKeyOf(input.prepared.datasetPrefix);
  if (!(await deps.store.exists(datasetKey))) {
    if (input.shardKeys.length === 0) {
      throw new BadExperimentDataError(`${datasetKey}: no feature shards to assemble`);
    }
    const paths: string[] = [];
    for (const key of input.shardKeys) paths.push(await localCopy(deps, key));
    deps.heartbeat({ step: 'assemble', shards: paths.length });
    const out = await scratchPath(deps, 'dataset.parquet');
    try {
      await mergeShards(paths, out, await readKeyValueMetadata(paths[0]!));
      await putFile(deps, datasetKey, out);
    } finally {
      await rm(out, { force: true });
    }
  }
  deps.heartbeat({ step: 'assemble', planning: true });
  const { target } = input.prepared;
  const rowTimes = await readRowTimes(await localCopy(deps, datasetKey), target.name, target.horizon);
  const { steps, folds } = plan(input, rowTimes, datasetKey);
  return { datasetKey, rows: rowTimes.times.length, steps, folds };
}
