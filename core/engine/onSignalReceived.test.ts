import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import type { EngineCommand, SubmitOrder } from '../trading/commands.js';
import { executionId, strategyId } from '../trading/ids.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

const MODEL = strategyId('model');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York, mid-session

/** $100,000 account, AAA at $100; sizing 10% of equity per unit of signal x confidence, cap 10%, band 10%. */
function engineHolding(shares: number) {
  const risk = RiskConfigSchema.parse({
    sizing: { base_size_pct: 0.1, max_size_pct: 0.1, min_order_value: 0, rebalance_band_pct: 0.1 },
    limits: { max_position_pct: 0.2 },
  });
  const engine = createEngine({ risk, strategies: [MODEL], initialCash: toMicros(100_000), barMs: 300_000 });
  const out: EngineCommand[] = [];
  handleEvent(
    engine,
    {
      type: 'BarClosed',
      ts: AT,
      ticker: 'AAA',
      barStart: AT - 300_000,
      open: 100,
      high: 100,
      low: 100,
      close: 100,
      volume: 1e6,
    },
    out,
  );
  if (shares !== 0) {
    handleEvent(
      engine,
      {
        type: 'SignalReceived',
        ts: AT,
        strategy: MODEL,
        ticker: 'AAA',
        output: { signal: shares / 100, confidence: 1, metadata: {} },
      },
      out,
    );
    const order = out.find((command): command is SubmitOrder => command.type === 'SubmitOrder')!.order;
    handleEvent(
      engine,
      {
        type: 'ExecutionReported',
        ts: AT,
        execution: {
          executionId: executionId('E1'),
          clientOrderId: order.clientOrderId,
          ticker: 'AAA',
          side: order.side,
          quantity: order.quantity,
          price: toMicros(100),
          commission: toMicros(0),
          ts: AT,
          correctsExecutionId: null,
        },
      },
      out,
    );
  }
  return engine;
}

/** Every command a signal of `value` for AAA gives, a minute after the holding was built. */
function signalCommands(engine: ReturnType<typeof engineHolding>, value: number): EngineCommand[] {
  const out: EngineCommand[] = [];
  handleEvent(
    engine,
    {
      type: 'SignalReceived',
      ts: AT + 60_000,
      strategy: MODEL,
      ticker: 'AAA',
      output: { signal: value, confidence: 1, metadata: {} },
    },
    out,
  );
  return out;
}

function signal(engine: ReturnType<typeof engineHolding>, value: number): SubmitOrder['order'] | null {
  return (
    signalCommands(engine, value).find((command): command is SubmitOrder => command.type === 'SubmitOrder')?.order ??
    null
  );
}

describe('onSignalReceived', () => {
  it('does not chase a change of target smaller than the rebalance band', () => {
    // Holding 80 shares ($8,000). Signal 0.85 -> target 85 shares: 5 < 10% of 85, no order.
    const engine = engineHolding(80);

    expect(signal(engine, 0.85)).toBeNull();
  });

  it('resizes when the change reaches the band, and always exits', () => {
    // Signal 0.9 -> target 90: 10 >= 9 (10% of 90), buy 10. A signal of 0 exits all 80.
    expect(signal(engineHolding(80), 0.9)).toMatchObject({ side: 'BUY', quantity: 10 });
    expect(signal(engineHolding(80), 0)).toMatchObject({ side: 'SELL', quantity: 80 });
  });

  it('only reduces while the kill switch holds: no new risk is even asked for', () => {
    const engine = engineHolding(80);
    handleEvent(engine, { type: 'KillSwitchSet', ts: AT, engaged: true, reason: 'test', flatten: false }, []);

    expect(signal(engine, 1), 'growing 80 -> 100').toBeNull();
    expect(signal(engine, -0.5), 'reversing to short: only the exit').toMatchObject({ side: 'SELL', quantity: 80 });
  });

  it('reads the kill switch of new risk limits the same way: no new risk asked for, so no refusal logged', () => {
    const engine = engineHolding(80);
    const risk = { ...engine.risk, limits: { ...engine.risk.limits, kill_switch: true } };
    handleEvent(engine, { type: 'RiskConfigChanged', ts: AT, risk }, []);
    const out = signalCommands(engine, 1);

    expect(out, 'growing 80 -> 100: nothing sent, nothing refused').toEqual([]);
    expect(signal(engine, -0.5), 'reversing to short: only the exit').toMatchObject({ side: 'SELL', quantity: 80 });
  });
});
