import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import type { EngineCommand, LogRecord, SubmitOrder } from '../trading/commands.js';
import type { EngineEvent } from '../trading/events.js';
import { checkOrder } from '../risk/index.js';
import { clientOrderId, executionId, strategyId } from '../trading/ids.js';
import { OrderPurpose, OrderType, Side, type OrderRequest } from '../trading/types.js';
import { buildRiskContext } from './riskContext.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session
const BAR_MS = 300_000;

/** $100,000, max 2 positions, 10% per unit of signal: AAA and BBB are bought (100 shares at $100) and filled. */
function holdingTwo() {
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
  const signal = (ts: number, ticker: string, value: number): EngineCommand[] => {
    send({
      type: 'BarClosed',
      ts,
      ticker,
      barStart: ts - BAR_MS,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 1e6,
    });
    return send({
      type: 'SignalReceived',
      ts,
      strategy: MODEL,
      ticker,
      output: { signal: value, confidence: 1, metadata: {} },
    });
  };
  const fill = (commands: readonly EngineCommand[], ts: number): SubmitOrder['order'] => {
    const order = commands.find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
    send({
      type: 'ExecutionReported',
      ts,
      execution: {
        executionId: executionId(`E${(fills += 1)}`),
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
    return order;
  };
  fill(signal(AT, 'AAA', 1), AT + 1_000);
  fill(signal(AT, 'BBB', 1), AT + 1_000);
  return { engine, signal, fill };
}

const logs = (commands: readonly EngineCommand[]) =>
  commands.filter((command): command is LogRecord => command.type === 'LogRecord').map((command) => command.code);
const orders = (commands: readonly EngineCommand[]) => commands.filter((command) => command.type === 'SubmitOrder');

describe('entries at max positions', () => {
  it('are skipped without a refusal per signal; the pause and its end are logged once each', () => {
    const { signal, fill } = holdingTwo();

    const first = signal(AT + 60_000, 'CCC', 1);
    const second = signal(AT + 120_000, 'DDD', -1);
    const exit = signal(AT + 180_000, 'BBB', 0);
    fill(exit, AT + 181_000);
    const resumed = signal(AT + 240_000, 'CCC', 1);

    expect(orders(first), 'a third position is not even asked for').toEqual([]);
    expect(logs(first)).toEqual(['ENTRIES_PAUSED_MAX_POSITIONS']);
    expect(orders(second)).toEqual([]);
    expect(logs(second), 'no refusal per signal while paused').toEqual([]);
    expect(orders(exit), 'exits are not entries').toMatchObject([
      { order: { ticker: 'BBB', side: 'SELL', quantity: 100 } },
    ]);
    expect(logs(resumed)).toEqual(['ENTRIES_RESUMED', 'RISK_APPROVED']);
    expect(orders(resumed)).toMatchObject([{ order: { ticker: 'CCC', side: 'BUY', quantity: 100 } }]);
  });

  it('counts a working entry as a position, as the risk manager does', () => {
    const { signal } = holdingTwo();
    // Sell BBB, not yet filled: the exit counts as done, so one slot is free and CCC may enter (working, unfilled).
    signal(AT + 60_000, 'BBB', 0);
    const ccc = signal(AT + 120_000, 'CCC', 1);
    const ddd = signal(AT + 180_000, 'DDD', 1);

    expect(orders(ccc)).toHaveLength(1);
    expect(orders(ddd), 'AAA held and CCC working: two').toEqual([]);
    expect(logs(ddd)).toEqual(['ENTRIES_PAUSED_MAX_POSITIONS']);
  });

  it('skips only what the risk manager would refuse: the same entry asked for is rejected at max positions', () => {
    const { engine, signal } = holdingTwo();
    signal(AT + 60_000, 'CCC', 1);
    const entry = (ticker: string): OrderRequest => ({
      clientOrderId: clientOrderId('model-99'),
      strategy: MODEL,
      ticker,
      side: Side.BUY,
      quantity: 1,
      type: OrderType.MARKET,
      limitPrice: null,
      purpose: OrderPurpose.ENTRY,
      createdTs: AT + 60_000,
    });

    expect(engine.entriesPaused).toBe(true);
    expect(checkOrder(entry('CCC'), buildRiskContext(engine, 'CCC', AT + 60_000), engine.risk.limits)).toMatchObject({
      outcome: 'REJECT',
      code: 'RISK_MAX_POSITIONS',
    });
    expect(
      checkOrder(entry('AAA'), buildRiskContext(engine, 'AAA', AT + 60_000), engine.risk.limits).outcome,
      'adding to a held ticker is no entry: not paused, and passes',
    ).toBe('APPROVE');
  });
});
