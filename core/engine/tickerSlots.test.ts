import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import type { EngineCommand, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import { createEngine, restoreEngine, serializeEngine } from './createEngine.js';
import type { EngineState } from './EngineState.js';
import { handleEvent } from './handleEvent.js';
import { tickerSlot } from './tickerSlots.js';

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session

function newEngine(): EngineState {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0, rebalance_band_pct: 0.1 },
    limits: { max_position_pct: 0.2 },
  });
  return createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: 300_000 });
}

function send(engine: EngineState, event: EngineEvent): EngineCommand[] {
  const out: EngineCommand[] = [];
  handleEvent(engine, event, out);
  return out;
}

const bar = (ticker: string, close: number, ts = AT): EngineEvent => ({
  type: 'BarClosed',
  ts,
  ticker,
  barStart: ts - 300_000,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1e6,
});

const signal = (ticker: string, value: number, ts = AT): EngineEvent => ({
  type: 'SignalReceived',
  ts,
  strategy: MODEL,
  ticker,
  output: { signal: value, confidence: 1, metadata: {} },
});

/** Fills the order a signal sent, in full at `price`. */
function fill(engine: EngineState, commands: EngineCommand[], price: number): void {
  const order = commands.find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
  send(engine, {
    type: 'ExecutionReported',
    ts: AT,
    execution: {
      executionId: executionId(`E-${order.clientOrderId}`),
      clientOrderId: order.clientOrderId,
      ticker: order.ticker,
      side: order.side,
      quantity: order.quantity,
      price: toMicros(price),
      commission: toMicros(1),
      ts: AT,
      correctsExecutionId: null,
    },
  });
}

describe('tickerSlot', () => {
  it('holds the very objects of the state, including positions the first execution creates', () => {
    const engine = newEngine();
    send(engine, bar('AAA', 100));
    const before = tickerSlot(engine, 'AAA');
    expect([before.aggregate, before.book]).toEqual([undefined, undefined]);

    fill(engine, send(engine, signal('AAA', 0.5)), 100);

    const slot = tickerSlot(engine, 'AAA');
    expect(slot.memory).toBe(engine.tickers['AAA']);
    expect(slot.aggregate).toBe(engine.portfolio.positions['AAA']);
    expect(slot.book).toBe(engine.portfolio.books[MODEL]!.positions['AAA']);
    expect(slot.book!.quantity, '$5,000 at $100').toBe(50);
  });

  it('is no part of the state: the serialized form is unchanged and a restored state decides the same', () => {
    const engine = newEngine();
    const twin = newEngine();
    for (const state of [engine, twin]) {
      send(state, bar('AAA', 100));
      send(state, bar('BBB', 20));
    }
    fill(engine, send(engine, signal('AAA', 0.5)), 100);
    fill(twin, send(twin, signal('AAA', 0.5)), 100);
    // Only `engine` has built slots for every ticker.
    tickerSlot(engine, 'BBB');
    tickerSlot(engine, 'CCC');

    expect(serializeEngine(engine)).toBe(serializeEngine(twin));
    expect(Object.keys(engine)).toEqual(Object.keys(twin));
    const restored = restoreEngine(serializeEngine(engine));
    const next = [bar('AAA', 90, AT + 300_000), signal('AAA', -0.5, AT + 300_000), signal('BBB', 1, AT + 300_000)];
    expect(next.map((event) => send(restored, event))).toEqual(next.map((event) => send(engine, event)));
  });

  it('follows a caller that swaps a whole map of the state', () => {
    const engine = newEngine();
    send(engine, bar('AAA', 100));
    expect(tickerSlot(engine, 'AAA').memory?.lastClose).toBe(100);

    engine.tickers = {};

    expect(tickerSlot(engine, 'AAA').memory).toBeUndefined();
    send(engine, bar('AAA', 101));
    expect(tickerSlot(engine, 'AAA').memory).toBe(engine.tickers['AAA']);
    expect(engine.tickers['AAA']!.returns, 'a new memory after the swap').toBe(0);
  });
});
