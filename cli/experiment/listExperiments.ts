import type { Client } from '@temporalio/client';
import { EXPERIMENT_WORKFLOW_TYPE } from '../../core/experiment/searchAttributes.js';

/** One line of `intraday experiment list`: visibility fields and our search attributes. */
export interface ExperimentRow {
  readonly workflow_id: string;
  readonly status: string;
  readonly started: string;
  readonly name: string | null;
  readonly verdict: string | null;
  readonly oos_sharpe: number | null;
  readonly deflated_sharpe: number | null;
  readonly target: string | null;
  readonly feature_set_hash: string | null;
  readonly hypothesis: string | null;
}

/** Experiments from Temporal's visibility store, most recent first (the same data the Temporal UI lists). */
export async function listExperiments(client: Client, extra?: string, limit = 50): Promise<ExperimentRow[]> {
  const query = `WorkflowType = "${EXPERIMENT_WORKFLOW_TYPE}"${extra ? ` AND (${extra})` : ''}`;
  const rows: ExperimentRow[] = [];
  for await (const info of client.workflow.list({ query })) {
    const attributes = (info.searchAttributes ?? {}) as Record<string, unknown[] | undefined>;
    const first = (name: string): unknown => attributes[name]?.[0] ?? null;
    const number = (name: string): number | null => (typeof first(name) === 'number' ? (first(name) as number) : null);
    const text = (name: string): string | null => (typeof first(name) === 'string' ? (first(name) as string) : null);
    rows.push({
      workflow_id: info.workflowId,
      status: info.status.name,
      started: info.startTime.toISOString(),
      name: text('experiment_name'),
      verdict: text('verdict'),
      oos_sharpe: number('oos_sharpe'),
      deflated_sharpe: number('deflated_sharpe'),
      target: text('target'),
      feature_set_hash: text('feature_set_hash'),
      hypothesis: text('hypothesis'),
    });
    if (rows.length >= limit) break;
  }
  return rows;
}

const cell = (value: number | null, digits: number): string => (value === null ? '-' : value.toFixed(digits));

/** A fixed-width table of experiment rows. */
export function formatExperimentList(rows: readonly ExperimentRow[]): string {
  if (rows.length === 0) return 'no experiments yet: run `intraday demo` or `intraday experiment run <file>`';
  const header = [
    'started',
    'status',
    'name',
    'verdict',
    'oos_sharpe',
    'deflated',
    'target',
    'features',
    'workflow id',
  ];
  const body = rows.map((row) => [
    row.started.slice(0, 19).replace('T', ' '),
    row.status,
    row.name ?? '-',
    row.verdict ?? '-',
    cell(row.oos_sharpe, 2),
    cell(row.deflated_sharpe, 3),
    row.target ?? '-',
    row.feature_set_hash ?? '-',
    row.workflow_id,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((line) => line[i]!.length)));
  return [header, ...body]
    .map((line) =>
      line
        .map((value, i) => value.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
