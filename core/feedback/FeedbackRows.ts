import type { Micros } from '../money/money.js';
import type { RiskCode } from '../risk/RiskCode.js';
import type { RiskDetails, RiskOutcome } from '../risk/RiskDecision.js';
import type { ClientOrderId, ExecutionId, StrategyId } from '../trading/ids.js';
import type { OrderPurpose, OrderType, Side } from '../trading/types.js';
import type { Verdict } from '../verdict/Verdict.js';

/**
 * Rows of the feedback log (SPEC section 7): every prediction, order, fill, risk decision and feature snapshot,
 * plus one record per experiment. Times are UTC epoch ms, money is micro-dollars, ids are text. `runId` names the
 * live session, paper run or experiment the row belongs to, so one database holds many runs.
 */

/** A model's output for one ticker at one bar. */
export interface PredictionRow {
  /** When the prediction was made (event time, no earlier than the close of `barStart`'s bar). */
  readonly ts: number;
  readonly runId: string;
  readonly strategy: StrategyId;
  /** Model id and version, e.g. `lgbm_direction/3`. */
  readonly model: string;
  readonly ticker: string;
  /** Start of the bar whose features were used (UTC ms): lets a reader check for look-ahead. */
  readonly barStart: number;
  readonly signal: number;
  readonly confidence: number;
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
}

/** The feature vector a prediction was made from; NaN (warming up) is stored as null. */
export interface FeatureSnapshotRow {
  readonly ts: number;
  readonly runId: string;
  readonly ticker: string;
  readonly barStart: number;
  readonly features: Readonly<Record<string, number | null>>;
}

/** One verdict of the risk manager on one order (approvals included). */
export interface RiskDecisionRow {
  readonly ts: number;
  readonly runId: string;
  readonly clientOrderId: ClientOrderId;
  readonly strategy: StrategyId;
  readonly ticker: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly purpose: OrderPurpose;
  readonly limitPrice: Micros | null;
  readonly requestedQuantity: number;
  /** The quantity that may be sent: the requested one on APPROVE, less on RESIZE, 0 on REJECT. */
  readonly quantity: number;
  readonly outcome: RiskOutcome;
  readonly code: RiskCode;
  /** `CODE: key=value, ...` as the risk manager rendered it. */
  readonly message: string;
  readonly context: RiskDetails;
}

/** An order the engine sent (natural key: clientOrderId; a second write of the same id is ignored). */
export interface OrderRow {
  readonly clientOrderId: ClientOrderId;
  /** When the engine created it (the request's createdTs). */
  readonly ts: number;
  readonly runId: string;
  readonly strategy: StrategyId;
  readonly ticker: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly purpose: OrderPurpose;
  readonly quantity: number;
  readonly limitPrice: Micros | null;
}

/** One execution (natural key: executionId; a duplicate report is ignored, a correction has its own id). */
export interface FillRow {
  readonly executionId: ExecutionId;
  readonly ts: number;
  readonly runId: string;
  readonly clientOrderId: ClientOrderId;
  readonly ticker: string;
  readonly side: Side;
  readonly quantity: number;
  readonly price: Micros;
  readonly commission: Micros;
  readonly correctsExecutionId: ExecutionId | null;
}

/** The record of one experiment, comparable with every earlier one (natural key: experimentId). */
export interface ExperimentRow {
  readonly experimentId: string;
  /** When the record was written. */
  readonly ts: number;
  readonly hypothesis: string;
  /** Null while the experiment runs. */
  readonly verdict: Verdict | null;
  /** The experiment configuration as run (YAML parsed to JSON). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Metric name to value (null where undefined, e.g. a Sharpe with no variance). */
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly codeVersion: string;
  /** Blob key or hash of the data the experiment ran on. */
  readonly dataSnapshot: string;
}

/** Table names of the feedback log, as they are in the database. */
export const FeedbackTable = {
  PREDICTIONS: 'predictions',
  FEATURE_SNAPSHOTS: 'feature_snapshots',
  RISK_DECISIONS: 'risk_decisions',
  ORDERS: 'orders',
  FILLS: 'fills',
  EXPERIMENTS: 'experiments',
} as const;
export type FeedbackTable = (typeof FeedbackTable)[keyof typeof FeedbackTable];

/** The row type of each table. */
export interface FeedbackRowOf {
  readonly predictions: PredictionRow;
  readonly feature_snapshots: FeatureSnapshotRow;
  readonly risk_decisions: RiskDecisionRow;
  readonly orders: OrderRow;
  readonly fills: FillRow;
  readonly experiments: ExperimentRow;
}

/** Every table name, sorted (for messages and checks). */
export const FEEDBACK_TABLES: readonly FeedbackTable[] = Object.values(FeedbackTable).sort();

/** True when `name` is a feedback table. */
export function isFeedbackTable(name: string): name is FeedbackTable {
  return (FEEDBACK_TABLES as readonly string[]).includes(name);
}
