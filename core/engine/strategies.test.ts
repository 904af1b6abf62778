import { describe, expect, it } from 'vitest';
import { RiskConfigSchema } from '../../config/risk.js';
import { toMicros } from '../money/money.js';
import { bookEquity, equity, positionQuantity } from '../portfolio/index.js';
import type { EngineCommand, SubmitOrder } from '../trading/commands.js';
import { executionId, strategyId } from '../trading/ids.js';
import { createEngine } from './createEngine.js';
import { handleEvent } from './handleEvent.js';

const TREND = strategyId('trend');
const REVERSION = strategyId('reversion');
const AT = Date.UTC(2025, 5, 2, 14, 0); // 10:00 New York

describe('several strategies side by side', () => {
  it('keeps a book per strategy, nets them in the account, and sums their P&L to the account P&L', () => {
    // $100,000 account; each strategy sizes 5% of equity per unit of signal; AAA at $100.
    const risk = RiskConfigSchema.parse({ sizing: { base_size_pct: 0.05, max_size_pct: 0.05, min_order_value: 0 } });
    const engine = createEngine({
      risk,
      strategies: [TREND, REVERSION],
      initialCash: toMicros(100_000),
      barMs: 300_000,
    });
    const out: EngineCommand[] = [];
    const bar = (ts: number, close: number): void =>
      handleEvent(
        engine,
        {
          type: 'BarClosed',
          ts,
          ticker: 'AAA',
          barStart: ts - 300_000,
          open: close,
          high: close,
          low: close,
          close,
          volume: 1e6,
        },
        out,
      );
    const fillAll = (ts: number, price: number): void => {
      const orders = out
        .filter((command): command is SubmitOrder => command.type === 'SubmitOrder')
        .map((command) => command.order);
      out.length = 0;
      orders.forEach((order, n) =>
        handleEvent(
          engine,
          {
            type: 'ExecutionReported',
            ts,
            execution: {
              executionId: executionId(`E${ts}-${n}`),
              clientOrderId: order.clientOrderId,
              ticker: 'AAA',
              side: order.side,
              quantity: order.quantity,
              price: toMicros(price),
              commission: toMicros(1),
              ts,
              correctsExecutionId: null,
            },
          },
          out,
        ),
      );
    };

    bar(AT, 100);
    handleEvent(
      engine,
      {
        type: 'SignalReceived',
        ts: AT,
        strategy: TREND,
        ticker: 'AAA',
        output: { signal: 1, confidence: 1, metadata: {} },
      },
      out,
    );
    handleEvent(
      engine,
      {
        type: 'SignalReceived',
        ts: AT,
        strategy: REVERSION,
        ticker: 'AAA',
        output: { signal: -0.6, confidence: 1, metadata: {} },
      },
      out,
    );
    fillAll(AT + 300_000, 100);
    bar(AT + 600_000, 110);

    // Trend: +50 shares ($5,000 / $100); reversion: -30 shares ($3,000 / $100); the account holds +20.
    expect(positionQuantity(engine.portfolio, 'AAA', TREND)).toBe(50);
    expect(positionQuantity(engine.portfolio, 'AAA', REVERSION)).toBe(-30);
    expect(positionQuantity(engine.portfolio, 'AAA')).toBe(20);
    // At $110: trend +$500 - $1 commission, reversion -$300 - $1; together the account's P&L.
    expect(bookEquity(engine.portfolio, TREND)).toBe(toMicros(499));
    expect(bookEquity(engine.portfolio, REVERSION)).toBe(toMicros(-301));
    expect(equity(engine.portfolio)).toBe(toMicros(100_000 + 499 - 301));
  });
});
