import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { openPositionCount } from '../portfolio/index.js';
import type { EngineCommand, LogRecord, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

// Audit: the risk checks count working orders as if filled, so a working exit frees its ticker's share of every
// limit before it fills. Cancelling that exit puts the position back, and the engine cancelled without asking the
// risk manager: with `max_positions: 2`, holding AAA and BBB, an exit of AAA let CCC in as the second position;
// cancelling the exit then left three positions open, a limit no order ever checked.

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session
const BAR_MS = 300_000;
const TICKERS = ['AAA', 'BBB', 'CCC'];

/** $100,000 account, every ticker at $100; a signal of 1 targets 10% of equity = 100 shares; at most 2 positions. */
function engineHoldingTwo() {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0 },
    limits: { max_position_pct: 0.2, max_positions: 2 },
  });
  const engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: BAR_MS });
  let fills = 0;
  const send = (event: EngineEvent): EngineCommand[] => {
    const out: EngineCommand[] = [];
    handleEvent(engine, event, out);
    return out;
  };
  const signal = (ts: number, ticker: string, value: number): EngineCommand[] =>
    send({
      type: 'SignalReceived',
      ts,
      strategy: MODEL,
      ticker,
      output: { signal: value, confidence: 1, metadata: {} },
    });
  const orderOf = (commands: readonly EngineCommand[]): OrderRequest =>
    commands.find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
  const fill = (order: OrderRequest, ts: number): EngineCommand[] =>
    send({
      type: 'ExecutionReported',
      ts,
      execution: {
        executionId: executionId(`E${++fills}`),
        clientOrderId: order.clientOrderId,
        ticker: order.ticker,
        side: order.side,
        quantity: order.quantity,
        price: toMicros(100),
        commission: toMicros(0),
        ts,
        correctsExecutionId: null,
      },
    });
  for (const ticker of TICKERS) {
    send({
      type: 'BarClosed',
      ts: AT,
      ticker,
      barStart: AT - BAR_MS,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 1e6,
    });
  }
  fill(orderOf(signal(AT, 'AAA', 1)), AT + 1_000);
  fill(orderOf(signal(AT, 'BBB', 1)), AT + 1_000);
  const exit = orderOf(signal(AT + 60_000, 'AAA', 0));
  return { engine, signal, orderOf, fill, exit };
}

const cancels = (commands: readonly EngineCommand[]) => commands.filter((command) => command.type === 'CancelOrder');

describe('cancelling a working exit', () => {
  it('is held when the position it would put back breaks a limit', () => {
    const { engine, signal, orderOf, fill, exit } = engineHoldingTwo();
    const entry = orderOf(signal(AT + 60_000, 'CCC', 1));
    fill(entry, AT + 61_000);

    const out = signal(AT + 120_000, 'AAA', 1);

    expect(exit, 'the exit of AAA').toMatchObject({ side: 'SELL', quantity: 100 });
    expect(entry, 'CCC came in while AAA was on its way out').toMatchObject({ side: 'BUY', quantity: 100 });
    expect(openPositionCount(engine.portfolio), 'AAA, BBB and CCC held until the exit fills').toBe(3);
    expect(cancels(out), 'cancelling would keep three positions with max_positions 2').toEqual([]);
    expect(
      out.find((command): command is LogRecord => command.type === 'LogRecord'),
      'the refusal is logged with the risk code',
    ).toMatchObject({
      level: 'warn',
      code: 'RISK_MAX_POSITIONS',
      context: { outcome: 'REJECT', clientOrderId: exit.clientOrderId, side: 'BUY', requestedQuantity: 100 },
    });
    expect(engine.orders.orders.get(exit.clientOrderId)!.status, 'the exit keeps working').toBe('PENDING_SUBMIT');
  });

  it('goes out when the position it puts back fits every limit', () => {
    const { signal, exit } = engineHoldingTwo();

    const out = signal(AT + 120_000, 'AAA', 1);

    expect(cancels(out), 'back to AAA and BBB: two positions').toEqual([
      { type: 'CancelOrder', ts: AT + 120_000, clientOrderId: exit.clientOrderId },
    ]);
  });
});

describe('cancelling one strategy’s entry that another strategy’s exit was netted against', () => {
  it('is held when the other strategy’s order would then stand alone beyond a limit', () => {
    // Gross exposure limit 10% of $100,000 = $10,000 = 100 shares at $100. Trend's working buy of 100 AAA fills
    // the limit; reversion's sell of 100 AAA nets against it (a reduction of the effective position, exempt);
    // trend then buys 100 BBB, which fits while AAA nets to zero. Cancelling trend's AAA buy would leave
    // reversion's sell alone: short 100 AAA plus long 100 BBB, $20,000 gross.
    const TREND = strategyId('trend');
    const REVERSION = strategyId('reversion');
    const risk = RiskConfigSchema.parse({
      sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0 },
      limits: { max_position_pct: 0.2, max_gross_exposure_pct: 0.1 },
    });
    const engine = createEngine({
      risk,
      strategies: [TREND, REVERSION],
      initialCash: toMicros(100_000),
      barMs: BAR_MS,
    });
    const send = (event: EngineEvent): EngineCommand[] => {
      const out: EngineCommand[] = [];
      handleEvent(engine, event, out);
      return out;
    };
    const signal = (strategy: typeof TREND, ticker: string, value: number): EngineCommand[] =>
      send({
        type: 'SignalReceived',
        ts: AT,
        strategy,
        ticker,
        output: { signal: value, confidence: 1, metadata: {} },
      });
    for (const ticker of ['AAA', 'BBB']) {
      send({
        type: 'BarClosed',
        ts: AT,
        ticker,
        barStart: AT - BAR_MS,
        open: 100,
        high: 100,
        low: 100,
        close: 100,
        volume: 1e6,
      });
    }
    const orders = [signal(TREND, 'AAA', 1), signal(REVERSION, 'AAA', -1), signal(TREND, 'BBB', 1)].map(
      (commands) => commands.find((command): command is SubmitOrder => command.type === 'SubmitOrder')?.order,
    );

    const out = signal(TREND, 'AAA', 0);

    expect(orders, 'all three orders went out at full size').toMatchObject([
      { strategy: 'trend', side: 'BUY', quantity: 100 },
      { strategy: 'reversion', side: 'SELL', quantity: 100 },
      { strategy: 'trend', ticker: 'BBB', side: 'BUY', quantity: 100 },
    ]);
    expect(cancels(out), 'the cancel would leave $20,000 gross against a $10,000 limit').toEqual([]);
    expect(out.find((command): command is LogRecord => command.type === 'LogRecord')).toMatchObject({
      code: 'RISK_MAX_GROSS_EXPOSURE',
      context: { outcome: 'REJECT', strategy: 'trend', ticker: 'AAA', side: 'SELL', requestedQuantity: 100 },
    });
  });
});
