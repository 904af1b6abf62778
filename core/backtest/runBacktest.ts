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
import { BarStarts } from './BarStarts.js';
import { fillBarStart } from './marketPhase.js';
import { addClose, addSignal, createStepEvents, startCloseTime, type StepEvents } from './StepEvents.js';
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
  const signals = batches.map((batch) => input.signals[batch.ticker] ?? null);
  const starts = new BarStarts(batches);
  const dailyEquity: DailyEquity[] = [{ day: 0, equity: input.initialCash }];
  const exposure = createExposureTally();
  const events = createStepEvents(strategy);
  let day = 0;

  // One bar start at a time, every ticker's bar of that start in ticker order.
  while (starts.next()) {
    const barStart = starts.barStart;
    const barDay = newYorkDayOf(barStart);
    if (barDay !== day) {
      if (day !== 0) dailyEquity.push({ day, equity: toDollars(equity(engine.portfolio)) });
      day = barDay;
    }
    const restoreAt = input.restoreAtStep;
    if (restoreAt !== undefined && restoreAt >= starts.step && restoreAt < starts.step + starts.count) {
      engine = restoreEngine(serializeEngine(engine));
      broker = simBrokerFromJson(JSON.parse(JSON.stringify(simBrokerToJson(broker))) as SimBrokerJson);
    }
    // The market first: every bar of the start meets the broker before any of their closes reaches the engine.
    fillBarStart(engine, broker, router, batches, starts, events.bar);
    // Then the closes, and then the signals computed from them, in one batch each per close time.
    startCloseTime(events, barStart + batches[starts.batch[0]!]!.barMs);
    for (let k = 0; k < starts.count; k++) {
      const t = starts.batch[k]!;
      const i = starts.index[k]!;
      const batch = batches[t]!;
      // A bar of the same start but another size closes at another time: it starts batches of its own.
      if (barStart + batch.barMs !== events.closes.ts) {
        sendCloseTime(engine, broker, router, events);
        startCloseTime(events, barStart + batch.barMs);
      }
      addClose(events, batch, i);
      const column = signals[t];
      if (column === null || column === undefined) continue;
      const signal = column.signal[i]!;
      if (signal === signal) addSignal(events, batch.ticker, signal, column.confidence[i]!);
    }
    sendCloseTime(engine, broker, router, events);
    // Every bar of the start is counted at the state the start left.
    const gross = grossExposure(engine.portfolio);
    for (let k = 0; k < starts.count; k++) {
      if (gross === 0) recordFlatBar(exposure);
      else recordExposure(exposure, toDollars(gross), Math.max(toDollars(equity(engine.portfolio)), 1e-9));
    }
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
    steps: starts.step + starts.count,
    orders: router.orders,
    executions: router.executions,
    commissions: router.commissions,
    slippage: router.slippage,
    logCounts: router.logCounts,
    finalEquity: toDollars(equity(engine.portfolio)),
    engine,
  };
}
