// Shared by the engine's scenario tests: one strategy's engine driven event by event, at a fixed price.
import { RiskConfigSchema, type RiskConfig } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import type { EngineCommand, LogRecord, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId, type StrategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import type { EngineState } from './EngineState.js';
import { handleEvent } from './handleEvent.js';

export const MODEL = strategyId('model');
/** Monday 2 June 2025, 10:00 New York: mid-session. */
export const AT = Date.UTC(2025, 5, 2, 14, 0);
export const BAR_MS = 300_000;

/** Risk settings of the scenarios: $100,000 at $100 a share, a signal of 1 targets 10% of equity = 100 shares. */
export function scenarioRisk(limits: Record<string, unknown> = {}, sizing: Record<string, unknown> = {}): RiskConfig {
  return RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0, ...sizing },
    limits: { max_position_pct: 0.2, ...limits },
  });
}

/** An engine of `strategies` (default: `model` alone) with $100,000 and the events a scenario sends it, each returning its commands. */
export function scenario(risk: RiskConfig = scenarioRisk(), strategies: readonly StrategyId[] = [MODEL]) {
  let engine: EngineState = createEngine({
    risk,
    strategies: [...strategies],
    initialCash: toMicros(100_000),
    barMs: BAR_MS,
  });
  let executions = 0;
  const send = (event: EngineEvent): EngineCommand[] => {
    const out: EngineCommand[] = [];
    handleEvent(engine, event, out);
    return out;
  };
  return {
    get engine(): EngineState {
      return engine;
    },
    send,
    /** A bar of `ticker` closing at `ts` with every price at `price`. */
    bar: (ts: number, ticker = 'AAA', price = 100): EngineCommand[] =>
      send({
        type: 'BarClosed',
        ts,
        ticker,
        barStart: ts - BAR_MS,
        open: price,
        high: price,
        low: price,
        close: price,
        volume: 1e6,
      }),
    signal: (ts: number, ticker: string, value: number, strategy: StrategyId = MODEL): EngineCommand[] =>
      send({
        type: 'SignalReceived',
        ts,
        strategy,
        ticker,
        output: { signal: value, confidence: 1, metadata: {} },
      }),
    /** Executes `quantity` (default: all) of `order` at `price`, with the next execution id (or `id`). */
    fill: (order: OrderRequest, ts: number, quantity = order.quantity, price = 100, id?: string): EngineCommand[] =>
      send({
        type: 'ExecutionReported',
        ts,
        execution: {
          executionId: executionId(id ?? `E${(executions += 1)}`),
          clientOrderId: order.clientOrderId,
          ticker: order.ticker,
          side: order.side,
          quantity,
          price: toMicros(price),
          commission: toMicros(0),
          ts,
          correctsExecutionId: null,
        },
      }),
    cancelled: (order: OrderRequest, ts: number): EngineCommand[] =>
      send({
        type: 'OrderStatusReported',
        ts,
        clientOrderId: order.clientOrderId,
        brokerOrderId: null,
        status: 'CANCELLED',
        reason: null,
      }),
    /** Serializes and restores the engine, as the live process does after a restart; `change` edits the saved state. */
    restore: (change: (saved: Record<string, unknown>) => void = () => {}): void => {
      const saved = JSON.parse(serializeEngine(engine)) as Record<string, unknown>;
      change(saved);
      engine = restoreEngine(JSON.stringify(saved));
    },
  };
}

/** The orders among `commands`. */
export const submitted = (commands: readonly EngineCommand[]): OrderRequest[] =>
  commands.filter((command): command is SubmitOrder => command.type === 'SubmitOrder').map((command) => command.order);

/** The first order among `commands` (the test fails on a missing one through the caller's expectations). */
export const orderOf = (commands: readonly EngineCommand[]): OrderRequest => submitted(commands)[0]!;

/** The codes of the log records among `commands`. */
export const logCodes = (commands: readonly EngineCommand[]): string[] =>
  commands.filter((command): command is LogRecord => command.type === 'LogRecord').map((command) => command.code);
