import { FeedbackTable } from '../../core/feedback/index.js';
import { OrderPurpose, OrderType, Side } from '../../core/trading/types.js';
import { RiskCode } from '../../core/risk/RiskCode.js';
import { RiskOutcome } from '../../core/risk/RiskDecision.js';
import { Verdict } from '../../core/verdict/Verdict.js';

/** How a column is stored: text, int4, int8 (money in micro-dollars), float8, timestamptz (from UTC ms), jsonb. */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'double' | 'timestamptz' | 'jsonb';

/** One column: its SQL name, the row field it comes from, its kind and the limits checked before writing. */
export interface ColumnSpec {
  readonly column: string;
  readonly field: string;
  readonly kind: ColumnKind;
  readonly nullable?: boolean;
  /** text: characters; jsonb: characters of the JSON text. */
  readonly maxLength?: number;
  /** text: the allowed values. */
  readonly values?: readonly string[];
  /** numbers: inclusive bounds. */
  readonly min?: number;
  readonly max?: number;
}

/** One table: columns in SQL order, its natural key (duplicates ignored) and whether it is time-partitioned. */
export interface TableSpec {
  readonly name: FeedbackTable;
  readonly columns: readonly ColumnSpec[];
  readonly naturalKey: string | null;
  /** Range-partitioned by month on `ts` (or a TimescaleDB hypertable): the high-volume, append-only tables. */
  readonly partitioned: boolean;
}

const ID = 128;
const INT4_MAX = 2_147_483_647;
const text = (column: string, field: string, maxLength: number, nullable = false): ColumnSpec => ({
  column,
  field,
  kind: 'text',
  maxLength,
  nullable,
});
const choice = (column: string, field: string, values: object, nullable = false): ColumnSpec => ({
  column,
  field,
  kind: 'text',
  values: Object.values(values) as string[],
  nullable,
});
const ts = (column: string, field: string): ColumnSpec => ({ column, field, kind: 'timestamptz' });
const json = (column: string, field: string, maxLength: number): ColumnSpec => ({
  column,
  field,
  kind: 'jsonb',
  maxLength,
});
const shares = (column: string, field: string, min: number): ColumnSpec => ({
  column,
  field,
  kind: 'integer',
  min,
  max: INT4_MAX,
});
const micros = (column: string, field: string, nullable = false): ColumnSpec => ({
  column,
  field,
  kind: 'bigint',
  nullable,
});

/** The schema of every table; adapters/feedback/migrations creates exactly these columns (a test compares them). */
export const TABLE_SPECS: Readonly<Record<FeedbackTable, TableSpec>> = {
  predictions: {
    name: FeedbackTable.PREDICTIONS,
    partitioned: true,
    naturalKey: null,
    columns: [
      ts('ts', 'ts'),
      text('run_id', 'runId', ID),
      text('strategy', 'strategy', ID),
      text('model', 'model', ID),
      text('ticker', 'ticker', 32),
      ts('bar_start', 'barStart'),
      { column: 'signal', field: 'signal', kind: 'double', min: -1, max: 1 },
      { column: 'confidence', field: 'confidence', kind: 'double', min: 0, max: 1 },
      json('metadata', 'metadata', 65_536),
    ],
  },
  feature_snapshots: {
    name: FeedbackTable.FEATURE_SNAPSHOTS,
    partitioned: true,
    naturalKey: null,
    columns: [
      ts('ts', 'ts'),
      text('run_id', 'runId', ID),
      text('ticker', 'ticker', 32),
      ts('bar_start', 'barStart'),
      json('features', 'features', 262_144),
    ],
  },
  risk_decisions: {
    name: FeedbackTable.RISK_DECISIONS,
    partitioned: true,
    naturalKey: null,
    columns: [
      ts('ts', 'ts'),
      text('run_id', 'runId', ID),
      text('client_order_id', 'clientOrderId', ID),
      text('strategy', 'strategy', ID),
      text('ticker', 'ticker', 32),
      choice('side', 'side', Side),
      choice('order_type', 'orderType', OrderType),
      choice('purpose', 'purpose', OrderPurpose),
      micros('limit_price_micros', 'limitPrice', true),
      shares('requested_quantity', 'requestedQuantity', 0),
      shares('quantity', 'quantity', 0),
      choice('outcome', 'outcome', RiskOutcome),
      choice('code', 'code', RiskCode),
      text('message', 'message', 4_000),
      json('context', 'context', 65_536),
    ],
  },
  orders: {
    name: FeedbackTable.ORDERS,
    partitioned: false,
    naturalKey: 'client_order_id',
    columns: [
      text('client_order_id', 'clientOrderId', ID),
      ts('ts', 'ts'),
      text('run_id', 'runId', ID),
      text('strategy', 'strategy', ID),
      text('ticker', 'ticker', 32),
      choice('side', 'side', Side),
      choice('order_type', 'orderType', OrderType),
      choice('purpose', 'purpose', OrderPurpose),
      shares('quantity', 'quantity', 1),
      micros('limit_price_micros', 'limitPrice', true),
    ],
  },
  fills: {
    name: FeedbackTable.FILLS,
    partitioned: false,
    naturalKey: 'execution_id',
    columns: [
      text('execution_id', 'executionId', ID),
      ts('ts', 'ts'),
      text('run_id', 'runId', ID),
      text('client_order_id', 'clientOrderId', ID),
      text('ticker', 'ticker', 32),
      choice('side', 'side', Side),
      shares('quantity', 'quantity', 1),
      micros('price_micros', 'price'),
      micros('commission_micros', 'commission'),
      text('corrects_execution_id', 'correctsExecutionId', ID, true),
    ],
  },
  experiments: {
    name: FeedbackTable.EXPERIMENTS,
    partitioned: false,
    naturalKey: 'experiment_id',
    columns: [
      text('experiment_id', 'experimentId', ID),
      ts('ts', 'ts'),
      text('hypothesis', 'hypothesis', 4_000),
      choice('verdict', 'verdict', Verdict, true),
      json('config', 'config', 1_048_576),
      json('metrics', 'metrics', 262_144),
      text('code_version', 'codeVersion', ID),
      text('data_snapshot', 'dataSnapshot', 1_024),
    ],
  },
};
