import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { positionQuantity } from '../portfolio/index.js';
import type { EngineCommand, LogRecord, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { executionId, strategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

// Audit: the day roll drops the execution history of flat positions (`settleFlatPositions`) but the order manager
// keeps orders finished in the last 24 hours, so it still accepts a correction of yesterday's execution. The
// portfolio cannot reverse what it dropped: the engine threw with the order manager already changed, leaving the
// order's fills (90 shares) and the position (100 shares bought) apart. It must refuse the correction in both.

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // Monday 10:00 New York
const NEXT_DAY = AT + 86_400_000; // Tuesday 10:00 New York
const BAR_MS = 300_000;

function engineFlatAfterRoundTrip() {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0 },
    limits: { max_position_pct: 0.2 },
  });
  const engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: BAR_MS });
  const send = (event: EngineEvent): EngineCommand[] => {
    const out: EngineCommand[] = [];
    handleEvent(engine, event, out);
    return out;
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
  const signal = (ts: number, value: number): OrderRequest =>
    send({
      type: 'SignalReceived',
      ts,
      strategy: MODEL,
      ticker: 'AAA',
      output: { signal: value, confidence: 1, metadata: {} },
    }).find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
  const fill = (order: OrderRequest, id: string, quantity: number, ts: number, corrects: string | null = null) =>
    send({
      type: 'ExecutionReported',
      ts,
      execution: {
        executionId: executionId(id),
        clientOrderId: order.clientOrderId,
        ticker: 'AAA',
        side: order.side,
        quantity,
        price: toMicros(100),
        commission: toMicros(0),
        ts,
        correctsExecutionId: corrects === null ? null : executionId(corrects),
      },
    });
  bar(AT);
  const buy = signal(AT, 1);
  fill(buy, 'E1', 100, AT + 1_000);
  const sell = signal(AT + 60_000, 0);
  fill(sell, 'E2', 100, AT + 61_000);
  return { engine, bar, buy, fill };
}

describe('a correction of an execution settled at the day roll', () => {
  it('is refused and logged, leaving order manager and portfolio as they were', () => {
    const { engine, bar, buy, fill } = engineFlatAfterRoundTrip();
    bar(NEXT_DAY);

    const out = fill(buy, 'E1-corrected', 90, NEXT_DAY + 1_000, 'E1');

    const record = engine.orders.orders.get(buy.clientOrderId)!;
    expect(record.filledQuantity, 'the order still shows the 100 shares the portfolio booked').toBe(100);
    expect([...record.executions.keys()], 'E1 not replaced').toEqual(['E1']);
    expect(positionQuantity(engine.portfolio, 'AAA'), 'bought 100, sold 100').toBe(0);
    const log = out.find((command): command is LogRecord => command.type === 'LogRecord');
    expect(log, 'the refusal is logged as an error').toMatchObject({
      level: 'error',
      code: 'EXECUTION_CORRECTION_SETTLED',
      context: { executionId: 'E1-corrected', correctsExecutionId: 'E1', clientOrderId: buy.clientOrderId },
    });
  });

  it('is still applied on the day of the execution, before the roll settles it', () => {
    const { engine, buy, fill } = engineFlatAfterRoundTrip();

    fill(buy, 'E1-corrected', 90, AT + 120_000, 'E1');

    expect(engine.orders.orders.get(buy.clientOrderId)!.filledQuantity, '100 corrected to 90').toBe(90);
    expect(positionQuantity(engine.portfolio, 'AAA'), 'bought 90, sold 100').toBe(-10);
  });
});
