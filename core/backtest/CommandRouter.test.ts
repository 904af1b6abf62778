import { describe, expect, it } from 'vitest';

import { createSimBrokerState, processBar, submitOrder, type SimBar } from '../broker/index.js';
import { createEngine } from '../engine/index.js';
import { toMicros } from '../money/money.js';
import { registerOrder } from '../orders/index.js';
import { clientOrderId, strategyId } from '../trading/ids.js';
import type { OrderRequest } from '../trading/types.js';
import { plainRisk } from './backtestTestKit.js';
import { CommandRouter } from './CommandRouter.js';
import { TradeLedger } from './TradeLedger.js';

const STRATEGY = strategyId('model');
const T0 = Date.UTC(2024, 0, 2, 14, 30);
const MINUTE = 60_000;

function bar(barStart: number, open: number, high: number, low: number): SimBar {
  return { ticker: 'AAPL', barStart, barMs: MINUTE, open, high, low, close: open, volume: 1_000_000, spread: null };
}

function order(id: string, side: 'BUY' | 'SELL', type: 'MARKET' | 'LIMIT', limit: number | null): OrderRequest {
  return {
    clientOrderId: clientOrderId(id),
    strategy: STRATEGY,
    ticker: 'AAPL',
    side,
    quantity: 100,
    type,
    limitPrice: limit === null ? null : toMicros(limit),
    purpose: side === 'BUY' ? 'ENTRY' : 'EXIT',
    createdTs: T0,
  };
}

describe('CommandRouter slippage accounting', () => {
  it('counts what a fill paid beyond the open against the order, and no cost for a limit fill better than the open', () => {
    // The simulated broker never slips a limit order: a buy limit at 99.00 in a bar that opened at 100 and traded
    // down to 98.50 fills at 99.00, a dollar better than the open, so it paid no slippage (it was counted as
    // |99 - 100| x 100 = USD 100 of cost before the fix). The market sell then pays 10 bps of a 100 open:
    // 99.90, 0.10 x 100 = USD 10. Total slippage 10; the round trip's costs 10 (no commission).
    const engine = createEngine({
      risk: plainRisk(),
      strategies: [STRATEGY],
      initialCash: toMicros(100_000),
      barMs: MINUTE,
    });
    const broker = createSimBrokerState({
      fillPolicy: 'NEXT_BAR_OPEN',
      slippage: { model: 'fixed_bps', bps: 10 },
      commission: { model: 'none' },
      participationLimit: null,
      latencyBars: 0,
      cancelAtEndOfDay: true,
    });
    const ledger = new TradeLedger();
    const router = new CommandRouter(ledger, STRATEGY);

    const buy = order('model-1', 'BUY', 'LIMIT', 99);
    registerOrder(engine.orders, buy, T0);
    submitOrder(broker, buy, T0);
    const first = bar(T0, 100, 100.2, 98.5);
    const buyEvents = processBar(broker, first);
    router.deliver(engine, broker, buyEvents, 0, first.open);

    const sell = order('model-2', 'SELL', 'MARKET', null);
    registerOrder(engine.orders, sell, T0 + MINUTE);
    submitOrder(broker, sell, T0 + MINUTE);
    const second = bar(T0 + MINUTE, 100, 100.5, 99.5);
    const sellEvents = processBar(broker, second);
    router.deliver(engine, broker, sellEvents, 1, second.open);

    const prices = [...buyEvents, ...sellEvents].flatMap((event) =>
      event.type === 'ExecutionReported' ? [event.execution.price] : [],
    );
    expect(prices, 'the fills the accounting is judged on').toEqual([toMicros(99), toMicros(99.9)]);
    expect(router.slippage).toBeCloseTo(10, 9);
    expect(ledger.trades).toHaveLength(1);
    expect(ledger.trades[0]!.costs).toBeCloseTo(10, 9);
    expect(ledger.trades[0]!.pnl, '(99.90 - 99.00) x 100').toBeCloseTo(90, 9);
  });
});
