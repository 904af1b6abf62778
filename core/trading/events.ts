import type { RiskConfig } from '../../config/risk.js';
import type { Micros } from '../money/money.js';
import type { SignalOutput } from '../signals/SignalOutput.js';
import type { BrokerOrderId, ClientOrderId, StrategyId } from './ids.js';
import type { Execution, OrderStatus } from './types.js';

/**
 * Everything the engine reacts to. Time comes only from events (`ts`, UTC epoch ms); the engine reads no clock.
 * Every event is recorded in the live process so a session replays exactly.
 */
export type EngineEvent =
  | BarClosed
  | BarsClosed
  | SignalReceived
  | SignalsReceived
  | ExecutionReported
  | OrderStatusReported
  | TimerFired
  | RiskConfigChanged
  | ModelChanged
  | KillSwitchSet;

/** A bar of one ticker has closed: `ts` is the close time (bar start + bar size); prices in dollars as read. */
export interface BarClosed {
  readonly type: 'BarClosed';
  readonly ts: number;
  readonly ticker: string;
  readonly barStart: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/**
 * Bars of several tickers that all closed at `ts` (each bar's own `ts` is the same), as a bar aggregator emits
 * them at a bar boundary. The same as one `BarClosed` per bar, except that the day roll, the equity peak and the
 * time rules (loss limits, drawdown stop, flattening) are applied once, to the equity with every price of the time:
 * ticker by ticker they were applied to a mix of this time's and the previous time's prices.
 */
export interface BarsClosed {
  readonly type: 'BarsClosed';
  readonly ts: number;
  readonly bars: readonly BarClosed[];
}

/** A strategy's model produced a signal for a ticker at `ts` (no earlier than the close of the bar it used). */
export interface SignalReceived {
  readonly type: 'SignalReceived';
  readonly ts: number;
  readonly strategy: StrategyId;
  readonly ticker: string;
  readonly output: SignalOutput;
}

/** One ticker's signal inside a `SignalsReceived` batch. */
export interface TickerSignal {
  readonly ticker: string;
  readonly output: SignalOutput;
}

/**
 * A strategy's model produced signals for several tickers at `ts`, as a model that scores a whole universe at each
 * bar close does. Exactly the same as one `SignalReceived` per entry, in order (each sees the state the ones
 * before it left), but one event: while the engine only reduces risk and holds nothing, the whole batch is
 * answered at once.
 */
export interface SignalsReceived {
  readonly type: 'SignalsReceived';
  readonly ts: number;
  readonly strategy: StrategyId;
  readonly signals: readonly TickerSignal[];
}

/** The broker reported an execution (a fill, or a correction of an earlier one). */
export interface ExecutionReported {
  readonly type: 'ExecutionReported';
  readonly ts: number;
  readonly execution: Execution;
}

/** The broker reported an order status (acknowledged, cancelled, rejected, inactive). */
export interface OrderStatusReported {
  readonly type: 'OrderStatusReported';
  readonly ts: number;
  readonly clientOrderId: ClientOrderId;
  readonly brokerOrderId: BrokerOrderId | null;
  readonly status: OrderStatus;
  readonly reason: string | null;
}

/** Time passed with no bar (session edges, end of data): lets time rules such as flatten-before-close fire. */
export interface TimerFired {
  readonly type: 'TimerFired';
  readonly ts: number;
}

/** New risk limits and sizing take effect from `ts`. */
export interface RiskConfigChanged {
  readonly type: 'RiskConfigChanged';
  readonly ts: number;
  readonly risk: RiskConfig;
}

/** A strategy now runs another model (logged; positions are kept). */
export interface ModelChanged {
  readonly type: 'ModelChanged';
  readonly ts: number;
  readonly strategy: StrategyId;
  readonly model: string;
}

/** The kill switch was engaged or released. While engaged only risk-reducing orders go out. */
export interface KillSwitchSet {
  readonly type: 'KillSwitchSet';
  readonly ts: number;
  readonly engaged: boolean;
  readonly reason: string;
  /** Also close every position now. */
  readonly flatten: boolean;
}

/** Last traded price of a ticker, for marking (micro-dollars). */
export type PriceMap = Record<string, Micros>;
