import { describe, expect, it } from 'vitest';

import { createRandom } from '../random/Random.js';
import { clientOrderId } from '../trading/ids.js';
import type { BrokerEvent } from './BrokerEvent.js';
import { cancelOrder } from './cancelOrder.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { replaceOrder } from './replaceOrder.js';
import type { SimBar } from './SimBar.js';
import { simBrokerFromJson, simBrokerToJson, type SimBrokerJson, type SimBrokerState } from './SimBrokerState.js';
import { MINUTE, executionsOf, micros, orderRequest } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

const TICKERS = ['AAPL', 'MSFT'];
// 15:00 New York on 2024-01-02: 120 one-minute steps cross midnight, so day ends happen too.
const START = Date.UTC(2024, 0, 2, 20, 0);
const STEPS = 120;

/** Bars for two tickers, interleaved in time, with volumes that force partial fills. */
function scenarioBars(): SimBar[] {
  const random = createRandom(7, 'serialization');
  const prices: Record<string, number> = { AAPL: 100, MSFT: 50 };
  const bars: SimBar[] = [];
  for (let step = 0; step < STEPS; step++) {
    for (const ticker of TICKERS) {
      const open = prices[ticker];
      const close = Math.max(1, Math.round((open + random.nextNormal() * 0.2) * 100) / 100);
      const spread = step % 4 === 0 ? null : 0.02;
      const barStart = START + step * 5 * MINUTE;
      const [high, low] = [Math.max(open, close) + 0.05, Math.min(open, close) - 0.05];
      bars.push({
        ticker,
        barStart,
        barMs: 5 * MINUTE,
        open,
        high,
        low,
        close,
        volume: 500 + (step % 7) * 300,
        spread,
      });
      prices[ticker] = close;
    }
  }
  return bars;
}

/** Feeds bars `from` to `to` and sends a fixed script of orders, cancels and replaces at each bar's close. */
function drive(state: SimBrokerState, bars: SimBar[], from: number, to: number, events: BrokerEvent[]): void {
  for (let index = from; index < to; index++) {
    const bar = bars[index];
    const ts = bar.barStart + bar.barMs;
    events.push(...processBar(state, bar));
    const side = index % 2 === 0 ? 'BUY' : 'SELL';
    if (index % 3 === 0) {
      const market = orderRequest({ id: `M-${index}`, ticker: bar.ticker, side, quantity: 250 });
      events.push(...submitOrder(state, market, ts));
    }
    if (index % 5 === 0) {
      const limitPrice = micros(Math.round(bar.close * 100 - 10) / 100);
      events.push(
        ...submitOrder(state, orderRequest({ id: `L-${index}`, ticker: bar.ticker, type: 'LIMIT', limitPrice }), ts),
      );
    }
    if (index % 7 === 0) events.push(...cancelOrder(state, clientOrderId(`M-${index - 3}`), ts));
    if (index % 11 === 0) events.push(...replaceOrder(state, clientOrderId(`L-${index - 5}`), 300, null, ts));
    if (index % 9 === 6) events.push(...replaceOrder(state, clientOrderId(`M-${index - 6}`), 400, null, ts));
    // The running count through fills, partial fills, day-end cancels, cancels and replaces.
    expect(state.workingCount).toBe(workingOrderCount(state));
  }
}

const config = {
  fillPolicy: 'NEXT_BAR_OPEN',
  slippage: { model: 'half_spread', fallbackBps: 3 },
  commission: { model: 'ibkr_fixed', perShare: 0.005, minimum: 1, maximumPctOfValue: 0.01 },
  participationLimit: 0.1,
  latencyBars: 1,
  cancelAtEndOfDay: true,
} as const;

describe('determinism and serialization', () => {
  const bars = scenarioBars();

  it('gives the same events, with execution ids SIM-1, SIM-2, ... in order, on every run', () => {
    const first: BrokerEvent[] = [];
    const second: BrokerEvent[] = [];

    drive(createSimBrokerState(config), bars, 0, bars.length, first);
    drive(createSimBrokerState(config), bars, 0, bars.length, second);

    const ids = executionsOf(first).map((execution) => execution.executionId);
    expect(second).toEqual(first);
    expect(ids.length, 'the scenario produces executions').toBeGreaterThan(20);
    expect(ids).toEqual(ids.map((_, index) => `SIM-${index + 1}`));
    expect(first.some((event) => event.type === 'OrderStatusReported' && event.reason === 'END_OF_DAY')).toBe(true);
    const reasons = new Set(
      first.map((event) => (event.type === 'OrderStatusReported' ? `${event.status}/${event.reason}` : '')),
    );
    expect([...reasons].sort(), 'the scenario covers every kind of event').toEqual([
      '',
      'CANCELLED/END_OF_DAY',
      'CANCELLED/null',
      'FILLED/null',
      'PARTIALLY_FILLED/REPLACED',
      'PARTIALLY_FILLED/null',
      'SUBMITTED/REPLACED',
      'SUBMITTED/null',
    ]);
  });

  it('gives the same events after a JSON round trip of the state half way', () => {
    const straight: BrokerEvent[] = [];
    drive(createSimBrokerState(config), bars, 0, bars.length, straight);
    const resumed: BrokerEvent[] = [];
    const before = createSimBrokerState(config);
    drive(before, bars, 0, bars.length / 2 + 1, resumed);

    const restored = simBrokerFromJson(JSON.parse(JSON.stringify(simBrokerToJson(before))) as SimBrokerJson);
    expect(restored.tickerOf.size, 'orders were working at the save').toBeGreaterThan(0);
    expect(restored.tickerOf).toEqual(before.tickerOf);
    drive(restored, bars, bars.length / 2 + 1, bars.length, resumed);

    expect(restored.lastExecutionNumber).toBeGreaterThan(0);
    expect(resumed).toEqual(straight);
  });

  it('keeps the ticker index equal to the working orders through fills, cancels, replaces and day ends', () => {
    const state = createSimBrokerState(config);
    const events: BrokerEvent[] = [];
    let checked = 0;

    for (let index = 0; index < bars.length; index += 10) {
      drive(state, bars, index, Math.min(index + 10, bars.length), events);
      const working = Object.entries(state.working).flatMap(([ticker, orders]) =>
        orders.map((order) => [order.clientOrderId, ticker] as const),
      );
      expect([...state.tickerOf.entries()].sort(), `after bar ${index + 10}`).toEqual(working.sort());
      checked += working.length;
    }

    expect(checked, 'orders were working at the checks').toBeGreaterThan(20);
    expect(submitOrder(state, orderRequest({ id: 'M-0', ticker: 'AAPL', side: 'BUY', quantity: 1 }), START)).toEqual([
      expect.objectContaining({ status: 'SUBMITTED' }),
    ]);
  });
});
