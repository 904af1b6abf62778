import type { RiskConfig } from '../../config/risk.js';
import {
  createExposureTally,
  recordExposure,
  recordFlatBar,
  summarizeBacktest,
  type BacktestSummary,
} from '../analytics/index.js';
import {
  createSimBrokerState,
  simBrokerFromJson,
  simBrokerToJson,
  type SimBrokerConfig,
  type SimBrokerJson,
  type SimBrokerState,
} from '../broker/index.js';
import { newYorkDayOf } from '../calendar/index.js';
import type { BarSet } from '../data/BarBatch.js';
import { createEngine, restoreEngine, serializeEngine, type EngineState } from '../engine/index.js';
import { toDollars, toMicros } from '../money/money.js';
import { equity, grossExposure } from '../portfolio/index.js';
import { strategyId } from '../trading/ids.js';
import { CommandRouter } from './CommandRouter.js';
import { fillBarStart, groupEnd } from './marketPhase.js';
import { CONFIDENCE, SIGNAL, STEP_WIDTH, StepColumns, TS } from './StepColumns.js';
import { addClose, addSignal, createStepEvents, startCloseTime, type StepEvents } from './StepEvents.js';
import { buildTimeline } from './timeline.js';
import { TradeLedger, type Trade } from './TradeLedger.js';

/** Signals aligned to the bars of each ticker: NaN where a bar has no signal. */
export type SignalColumns = Readonly<
  Record<string, { readonly signal: Float64Array; readonly confidence: Float64Array }>
>;

/** Everything a backtest needs. Prices in the bars are dollars; cash in dollars. */
export interface BacktestInput {
  readonly bars: BarSet;
  readonly signals: SignalColumns;
  readonly risk: RiskConfig;
  readonly broker: SimBrokerConfig;
  readonly initialCash: number;
  /** Strategy name the signals belong to (default `model`). */
  readonly strategy?: string;
  /** For recovery tests: serialize and restore engine and broker state before the bar start holding this timeline step. */
  readonly restoreAtStep?: number;
}

/** Equity at the end of one New York session. */
export interface DailyEquity {
  readonly day: number;
  readonly equity: number;
}

/** Hands the closes of a time to the engine, then the signals computed from them (each batch unless empty). */
function sendCloseTime(engine: EngineState, broker: SimBrokerState, router: CommandRouter, events: StepEvents): void {
  if (events.closes.bars.length !== 0) router.dispatch(engine, broker, events.closes);
  if (events.signals.signals.length !== 0) router.dispatch(engine, broker, events.signals);
}

/** A backtest's metrics, series and counts. */
export interface BacktestResult {
  readonly metrics: BacktestSummary;
  /** Session-end equity, starting with the initial cash on day 0. */
  readonly dailyEquity: readonly DailyEquity[];
  readonly trades: readonly Trade[];
  readonly openTradesAtEnd: number;
  readonly steps: number;
  readonly orders: number;
  readonly executions: number;
  readonly commissions: number;
  readonly slippage: number;
  /** LogRecord commands by code: risk decisions, illegal transitions, duplicates... */
  readonly logCounts: Readonly<Record<string, number>>;
  readonly finalEquity: number;
  readonly engine: EngineState;
}

/**
 * The event-driven backtest: the live engine replayed over history against the simulated broker. For each bar start,
 * in time order: the broker first fills working orders on every bar of that start (so an order decided at a bar's
 * close fills no earlier than the next bar's open, and no close decides before the fills of its time are known),
 * then the closes of all those bars reach the engine as one `BarsClosed`, and then the signals computed from them as
 * one `SignalsReceived`: every signal and every risk rule of a time sees every price of that time, as in the live
 * process, where the model scores the universe once its bars have closed (ticker by ticker, a signal saw the closes
 * of the tickers before it and the previous prices of those after it, so its sizing and risk checks depended on
 * ticker names, and the loss limits were checked against equities that mixed two times' prices).
 */
export function runBacktest(input: BacktestInput): BacktestResult {
  const batches = input.bars.batches;
  const strategy = strategyId(input.strategy ?? 'model');
  const barMs = batches[0]?.barMs || 300_000;
  let engine = createEngine({
    risk: input.risk,
    strategies: [strategy],
    initialCash: toMicros(input.initialCash),
    barMs,
  });
  let broker: SimBrokerState = createSimBrokerState(input.broker);
  const ledger = new TradeLedger();
  const router = new CommandRouter(ledger, strategy);
  const timeline = buildTimeline(batches);
  const columns = new StepColumns(
    batches,
    batches.map((batch) => input.signals[batch.ticker] ?? null),
    timeline,
  );
  const dailyEquity: DailyEquity[] = [{ day: 0, equity: input.initialCash }];
  const exposure = createExposureTally();
  const events = createStepEvents(strategy);
  let day = 0;

  // One bar start at a time: steps `step` to `end` hold every bar that starts then.
  for (let step = 0; step < timeline.length;) {
    if (step === columns.end) columns.load(step);
    const barStart = columns.values[(step - columns.start) * STEP_WIDTH + TS]!;
    const barDay = newYorkDayOf(barStart);
    if (barDay !== day) {
      if (day !== 0) dailyEquity.push({ day, equity: toDollars(equity(engine.portfolio)) });
      day = barDay;
    }
    const end = groupEnd(timeline, batches, columns, step, barStart);
    const restoreAt = input.restoreAtStep;
    if (restoreAt !== undefined && restoreAt >= step && restoreAt < end) {
      engine = restoreEngine(serializeEngine(engine));
      broker = simBrokerFromJson(JSON.parse(JSON.stringify(simBrokerToJson(broker))) as SimBrokerJson);
    }
    // The market first: every bar of the start meets the broker before any of their closes reaches the engine.
    fillBarStart(engine, broker, router, batches, timeline, step, end, events.bar);
    // Then the closes, and then the signals computed from them, in one batch each per close time.
    startCloseTime(events, barStart + batches[timeline.ticker[step]!]!.barMs);
    for (let at = step; at < end; at++) {
      if (at === columns.end) columns.load(at);
      const k = at - columns.start;
      const batch = batches[timeline.ticker[at]!]!;
      // A bar of the same start but another size closes at another time: it starts batches of its own.
      if (barStart + batch.barMs !== events.closes.ts) {
        sendCloseTime(engine, broker, router, events);
        startCloseTime(events, barStart + batch.barMs);
      }
      addClose(events, batch.ticker, batch.barMs, columns, k);
      const signal = columns.values[k * STEP_WIDTH + SIGNAL]!;
      if (signal === signal) addSignal(events, batch.ticker, signal, columns.values[k * STEP_WIDTH + CONFIDENCE]!);
    }
    sendCloseTime(engine, broker, router, events);
    // Every bar of the start is counted at the state the start left.
    const gross = grossExposure(engine.portfolio);
    for (let at = step; at < end; at++) {
      if (gross === 0) recordFlatBar(exposure);
      else recordExposure(exposure, toDollars(gross), Math.max(toDollars(equity(engine.portfolio)), 1e-9));
    }
    step = end;
  }
  if (day !== 0) dailyEquity.push({ day, equity: toDollars(equity(engine.portfolio)) });
  const metrics = summarizeBacktest({
    equity: dailyEquity.map((point) => point.equity),
    trades: ledger.trades,
    exposure,
    tradedNotional: router.tradedNotional,
    costs: router.commissions + router.slippage,
  });
  return {
    metrics,
    dailyEquity,
    trades: ledger.trades,
    openTradesAtEnd: ledger.openCount(),
    steps: timeline.length,
    orders: router.orders,
    executions: router.executions,
    commissions: router.commissions,
    slippage: router.slippage,
    logCounts: router.logCounts,
    finalEquity: toDollars(equity(engine.portfolio)),
    engine,
  };
}
