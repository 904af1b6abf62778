import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { positionQuantity } from '../portfolio/index.js';
import type { EngineCommand, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

// Audit: a kill switch engaged with `flatten` must close the positions even when a working order of the other
// direction has to be cancelled first (the engine sends nothing new until the broker confirms a cancel).

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session
const BAR_MS = 300_000;

/** $100,000 account, AAA at $100; a signal of 1 targets 10% of equity = 100 shares. */
function engineWithPartialEntry() {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0 },
    limits: { max_position_pct: 0.2 },
  });
  let engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: BAR_MS });
  const out: EngineCommand[] = [];
  const send = (event: EngineEvent): EngineCommand[] => {
    out.length = 0;
    handleEvent(engine, event, out);
    return [...out];
  };
  const bar = (ts: number): EngineCommand[] =>
    send({
      type: 'BarClosed',
      ts,
      ticker: 'AAA',
      barStart: ts - BAR_MS,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 1e6,
    });
  bar(AT);
  const entry = send({
    type: 'SignalReceived',
    ts: AT,
    strategy: MODEL,
    ticker: 'AAA',
    output: { signal: 1, confidence: 1, metadata: {} },
  }).find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
  // 40 of the 100 shares fill; 60 are still working when the operator pulls the switch.
  send({
    type: 'ExecutionReported',
    ts: AT + 1_000,
    execution: {
      executionId: executionId('E1'),
      clientOrderId: entry.clientOrderId,
      ticker: 'AAA',
      side: entry.side,
      quantity: 40,
      price: toMicros(100),
      commission: toMicros(0),
      ts: AT + 1_000,
      correctsExecutionId: null,
    },
  });
  return {
    entry,
    send,
    bar,
    get engine() {
      return engine;
    },
    restore: () => {
      engine = restoreEngine(serializeEngine(engine));
    },
  };
}

const submitted = (commands: readonly EngineCommand[]) =>
  commands.filter((command): command is SubmitOrder => command.type === 'SubmitOrder').map((command) => command.order);

describe('kill switch with flatten', () => {
  it('closes a partly filled position once the cancel of its working rest is confirmed', () => {
    const run = engineWithPartialEntry();
    expect(run.entry, 'the entry: buy 100 shares of AAA').toMatchObject({ side: 'BUY', quantity: 100 });

    const onKill = run.send({
      type: 'KillSwitchSet',
      ts: AT + 2_000,
      engaged: true,
      reason: 'operator',
      flatten: true,
    });
    run.send({
      type: 'OrderStatusReported',
      ts: AT + 3_000,
      clientOrderId: run.entry.clientOrderId,
      brokerOrderId: null,
      status: 'CANCELLED',
      reason: null,
    });
    run.restore();
    const nextBar = run.bar(AT + BAR_MS);

    expect(
      onKill.filter((command) => command.type === 'CancelOrder'),
      'the 60 working shares point the wrong way: cancelled first',
    ).toHaveLength(1);
    expect(submitted(onKill), 'nothing new until the broker confirms the cancel').toEqual([]);
    expect(positionQuantity(run.engine.portfolio, 'AAA'), '40 filled shares still held').toBe(40);
    expect(submitted(nextBar), 'the standing flatten sells the 40 shares at the next bar').toMatchObject([
      { side: 'SELL', quantity: 40, purpose: 'FLATTEN' },
    ]);
  });

  it('stops flattening once the kill switch is released', () => {
    const run = engineWithPartialEntry();
    run.send({ type: 'KillSwitchSet', ts: AT + 2_000, engaged: true, reason: 'operator', flatten: true });
    run.send({
      type: 'OrderStatusReported',
      ts: AT + 3_000,
      clientOrderId: run.entry.clientOrderId,
      brokerOrderId: null,
      status: 'CANCELLED',
      reason: null,
    });

    run.send({ type: 'KillSwitchSet', ts: AT + 4_000, engaged: false, reason: 'operator', flatten: false });
    const nextBar = run.bar(AT + BAR_MS);

    expect(submitted(nextBar), 'released: the 40 shares are the strategy’s again').toEqual([]);
  });

  it('does not flatten on later bars when the switch was engaged without flatten', () => {
    const run = engineWithPartialEntry();
    run.send({ type: 'KillSwitchSet', ts: AT + 2_000, engaged: true, reason: 'operator', flatten: false });
    run.send({
      type: 'OrderStatusReported',
      ts: AT + 3_000,
      clientOrderId: run.entry.clientOrderId,
      brokerOrderId: null,
      status: 'CANCELLED',
      reason: null,
    });

    const nextBar = run.bar(AT + BAR_MS);

    expect(submitted(nextBar), 'no flatten asked: the 40 shares are held').toEqual([]);
  });
});
