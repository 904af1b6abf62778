import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { positionQuantity } from '../portfolio/index.js';
import type { EngineCommand, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

// The drawdown stop with `flatten_on_max_drawdown` must end flat even when its first flatten has to cancel a working
// order (nothing new is sent until the broker confirms) and equity recovers above the stop before the next bar.

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session
const BAR_MS = 300_000;

/**
 * $100,000 account, a 5% drawdown stop; a signal of 1 targets the whole equity in AAA at $100: 1,000 shares, of
 * which 400 fill and 600 are still working when the price falls to $80 (equity $92,000, 8% below the peak).
 */
function haltedWithWorkingRest() {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 1, max_size_pct: 1, min_order_value: 0 },
    limits: {
      max_position_pct: 1,
      max_gross_exposure_pct: 2,
      max_net_exposure_pct: 2,
      daily_loss_limit_pct: 0.5,
      weekly_loss_limit_pct: 0.5,
      max_drawdown_pct: 0.05,
      flatten_on_max_drawdown: true,
    },
  });
  let engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: BAR_MS });
  const out: EngineCommand[] = [];
  const send = (event: EngineEvent): EngineCommand[] => {
    out.length = 0;
    handleEvent(engine, event, out);
    return [...out];
  };
  const bar = (ts: number, close: number): EngineCommand[] =>
    send({
      type: 'BarClosed',
      ts,
      ticker: 'AAA',
      barStart: ts - BAR_MS,
      open: close,
      high: close,
      low: close,
      close,
      volume: 1e6,
    });
  bar(AT, 100);
  const entry = send({
    type: 'SignalReceived',
    ts: AT,
    strategy: MODEL,
    ticker: 'AAA',
    output: { signal: 1, confidence: 1, metadata: {} },
  }).find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
  send({
    type: 'ExecutionReported',
    ts: AT + 1_000,
    execution: {
      executionId: executionId('E1'),
      clientOrderId: entry.clientOrderId,
      ticker: 'AAA',
      side: entry.side,
      quantity: 400,
      price: toMicros(100),
      commission: toMicros(0),
      ts: AT + 1_000,
      correctsExecutionId: null,
    },
  });
  const onStop = bar(AT + BAR_MS, 80);
  send({
    type: 'OrderStatusReported',
    ts: AT + BAR_MS + 1_000,
    clientOrderId: entry.clientOrderId,
    brokerOrderId: null,
    status: 'CANCELLED',
    reason: null,
  });
  return {
    entry,
    onStop,
    bar,
    get engine() {
      return engine;
    },
    restore: (change: (state: { tradingState: string }) => void = () => {}) => {
      const saved = JSON.parse(serializeEngine(engine)) as { tradingState: string };
      change(saved);
      engine = restoreEngine(JSON.stringify(saved));
    },
  };
}

const submitted = (commands: readonly EngineCommand[]) =>
  commands.filter((command): command is SubmitOrder => command.type === 'SubmitOrder').map((command) => command.order);

describe('drawdown stop with flatten', () => {
  it('closes a partly filled position after its cancel, although equity has recovered above the stop', () => {
    const run = haltedWithWorkingRest();
    expect(run.entry).toMatchObject({ side: 'BUY', quantity: 1_000 });
    expect(run.engine.tradingState).toBe('HALTED');
    expect(
      run.onStop.filter((command) => command.type === 'CancelOrder'),
      'the 600 working shares point the wrong way: cancelled first',
    ).toHaveLength(1);
    expect(submitted(run.onStop), 'nothing new until the broker confirms the cancel').toEqual([]);

    run.restore(); // the standing flatten survives a restart from the saved state
    // $99: equity $99,600, 0.4% below the peak: the drawdown is no longer breached, the stop still holds
    const next = run.bar(AT + 2 * BAR_MS, 99);

    expect(positionQuantity(run.engine.portfolio, 'AAA')).toBe(400);
    expect(submitted(next), 'the stop sells the 400 filled shares').toMatchObject([
      { side: 'SELL', quantity: 400, purpose: 'FLATTEN' },
    ]);
    expect(next.find((command) => command.type === 'LogRecord' && command.code === 'RISK_MAX_DRAWDOWN')).toBeDefined();
  });

  it('is called off when an operator resumes trading (a state no longer HALTED)', () => {
    const run = haltedWithWorkingRest();
    run.restore((saved) => {
      saved.tradingState = 'ACTIVE';
    });
    // a new peak is not reached, but the drawdown (0.4%) is under the stop: the state stays ACTIVE
    const next = run.bar(AT + 2 * BAR_MS, 99);

    expect(run.engine.tradingState).toBe('ACTIVE');
    expect(submitted(next), 'no flatten: the 400 shares are the strategy’s again').toEqual([]);
    expect(run.engine.drawdownFlatten).toBe(false);
  });
});
