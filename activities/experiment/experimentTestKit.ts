import { dirname } from 'node:path';
import { openDuck, queryColumns, sqlString, type CodedStrings } from '../../adapters/data/duckdb.js';
import type { ExperimentInput, PreparedExperiment } from '../../core/experiment/contracts.js';
import type { ExperimentDeps } from './deps.js';
import { prepareExperiment } from './prepareExperiment.js';
import { stepTestDeps, type StepTestDeps } from './stepTestKit.js';

// Shared by the data-step tests: a temporary local blob store, the repository's config, a small experiment.

/** Deps over a fresh temporary folder (stepTestKit's), plus that folder for files a test writes beside the store. */
export async function makeDeps(): Promise<StepTestDeps & { root: string }> {
  const kit = await stepTestDeps();
  return { ...kit, root: dirname(kit.store.root) };
}

/** A small synthetic experiment: three tickers, three weeks of 5-minute bars, a few features, direction_5. */
export function smallExperiment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'data_steps_test',
    hypothesis: 'A few features predict 5-bar direction on generated bars',
    data: { source: 'synthetic', tickers: ['MSFT', 'AAPL', 'GOOG'], start: '2024-03-04', end: '2024-03-22', seed: 11 },
    features: ['sma_5', 'rsi_14', 'volume_ratio'],
    target: 'direction_5',
    model: 'lgbm_direction',
    walk_forward: { folds: 3, train_fraction: 0.5 },
    ...overrides,
  };
}

/** The prepared experiment of a config, as the workflow's first step makes it. */
export function prepare(
  deps: ExperimentDeps,
  config: Record<string, unknown>,
  shardSize = 2,
): Promise<PreparedExperiment> {
  const input: ExperimentInput = { config, options: { shardSize } };
  return prepareExperiment(deps, input);
}

/** Columns of a Parquet file read as doubles or text (ts as epoch ms), in file order. */
export async function readParquet(
  path: string,
  columns: readonly { name: string; kind: 'double' | 'varchar' }[],
): Promise<(Float64Array | string[])[]> {
  const duck = await openDuck();
  try {
    const select = columns
      .map(({ name, kind }) =>
        name === 'ts' ? 'CAST(epoch_ms(ts) AS DOUBLE)' : kind === 'double' ? `CAST("${name}" AS DOUBLE)` : `"${name}"`,
      )
      .join(', ');
    const result = await queryColumns(
      duck.connection,
      `SELECT ${select} FROM read_parquet(${sqlString(path)})`,
      columns.map((column) => column.kind),
    );
    return result.columns.map((column) => {
      if (column instanceof Float64Array) return column;
      const coded = column as CodedStrings;
      return Array.from(coded.codes, (code) => coded.names[code]!);
    });
  } finally {
    duck.close();
  }
}

/** Column names of a Parquet file, in order. */
export async function parquetColumnNames(path: string): Promise<string[]> {
  const duck = await openDuck();
  try {
    const result = await queryColumns(
      duck.connection,
      `SELECT name FROM parquet_schema(${sqlString(path)}) WHERE num_children IS NULL`,
      ['varchar'],
    );
    const coded = result.columns[0] as CodedStrings;
    return Array.from(coded.codes, (code) => coded.names[code]!);
  } finally {
    duck.close();
  }
}
