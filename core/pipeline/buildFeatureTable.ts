import type { TargetsConfig } from '../../config/targets.js';
import type { BarSet } from '../data/BarBatch.js';
import { barsToTable } from '../data/barsToTable.js';
import type { Table, TableColumn } from '../data/Table.js';
import type { FeaturePipeline } from '../features/index.js';
import { computeTargets } from '../targets/index.js';

/** What to put beside the bars: the feature pipeline and the target names to compute. */
export interface FeatureTableSpec {
  readonly pipeline: FeaturePipeline;
  readonly targets: TargetsConfig;
  readonly targetNames: readonly string[];
}

/**
 * Bars of every ticker (as `barsToTable` lays them out, `source` label included for generated data) with one
 * column per feature and per target, named exactly as in the YAML; rows grouped by ticker, in time order.
 */
export function buildFeatureTable(bars: BarSet, spec: FeatureTableSpec): Table {
  const names = [...spec.pipeline.names, ...spec.targetNames];
  const duplicate = names.find((name, i) => names.indexOf(name) !== i || ['ticker', 'ts', 'source'].includes(name));
  if (duplicate !== undefined) {
    throw new Error(`column "${duplicate}" would appear twice: rename the feature or target`);
  }
  const base = barsToTable(bars);
  const featureColumns = spec.pipeline.names.map(() => new Float64Array(base.length));
  const targetColumns = spec.targetNames.map(() => new Float64Array(base.length));
  let offset = 0;
  for (const batch of bars.batches) {
    spec.pipeline.computeBatch(batch).forEach((column, k) => featureColumns[k]!.set(column, offset));
    if (spec.targetNames.length > 0) {
      computeTargets(batch, spec.targets, spec.targetNames).columns.forEach((column, k) =>
        targetColumns[k]!.set(column, offset),
      );
    }
    offset += batch.length;
  }
  const barColumns = base.columns.filter((column) => column.name !== 'source');
  const label = base.columns.filter((column) => column.name === 'source');
  const columns: TableColumn[] = [
    ...barColumns,
    ...spec.pipeline.names.map((name, k): TableColumn => ({ name, kind: 'number', values: featureColumns[k]! })),
    ...spec.targetNames.map((name, k): TableColumn => ({ name, kind: 'number', values: targetColumns[k]! })),
    ...label,
  ];
  return { length: base.length, columns, metadata: base.metadata };
}
