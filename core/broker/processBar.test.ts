import { describe, expect, it } from 'vitest';

import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { MINUTE, OPEN_2024_01_02, executionsOf, micros, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

const T0 = OPEN_2024_01_02;

describe('processBar timing', () => {
  it('fills a market order at the next bar open, never at the close of the bar that decided it', () => {
    const state = createSimBrokerState(simConfig());
    const decisionBar = simBar({ barStart: T0, open: 100, high: 105, low: 100, close: 105 });
    const nextBar = simBar({ barStart: T0 + MINUTE, open: 106, high: 107, low: 104, close: 104.5 });
    submitOrder(state, orderRequest(), decisionBar.barStart + decisionBar.barMs);

    const replayOfDecisionBar = processBar(state, decisionBar);
    const events = processBar(state, nextBar);

    expect(replayOfDecisionBar, 'a bar that started before the order cannot fill it').toEqual([]);
    expect(events).toEqual([
      {
        type: 'ExecutionReported',
        ts: T0 + MINUTE,
        execution: {
          executionId: 'SIM-1',
          clientOrderId: 'S1-1',
          ticker: 'AAPL',
          side: 'BUY',
          quantity: 100,
          price: 106_000_000,
          commission: 0,
          ts: T0 + MINUTE,
          correctsExecutionId: null,
        },
      },
      {
        type: 'OrderStatusReported',
        ts: T0 + MINUTE,
        clientOrderId: 'S1-1',
        brokerOrderId: '1',
        status: 'FILLED',
        reason: null,
      },
    ]);
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('waits one more bar with a latency of one bar', () => {
    const state = createSimBrokerState(simConfig({ latencyBars: 1 }));
    submitOrder(state, orderRequest(), T0);

    const first = processBar(state, simBar({ barStart: T0, open: 100 }));
    const second = processBar(state, simBar({ barStart: T0 + MINUTE, open: 101 }));

    expect(first, 'the first bar at or after submission is the latency bar').toEqual([]);
    expect(executionsOf(second).map((execution) => execution.price)).toEqual([micros(101)]);
  });

  it('ignores bars of other tickers', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest(), T0);

    const events = processBar(state, simBar({ ticker: 'MSFT' }));

    expect(events).toEqual([]);
    expect(workingOrderCount(state)).toBe(1);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });
});

describe('processBar volume', () => {
  it('fills nothing in a zero-volume bar and fills in the next one', () => {
    const state = createSimBrokerState(simConfig({ participationLimit: 0.1 }));
    submitOrder(state, orderRequest(), T0);

    const empty = processBar(state, simBar({ barStart: T0, volume: 0 }));
    const traded = processBar(state, simBar({ barStart: T0 + MINUTE, open: 100.5, volume: 1_000 }));

    expect(empty).toEqual([]);
    expect(executionsOf(traded).map((execution) => [execution.quantity, execution.price])).toEqual([
      [100, micros(100.5)],
    ]);
  });

  it('applies no participation limit when the volume is unknown (-1)', () => {
    const state = createSimBrokerState(simConfig({ participationLimit: 0.01 }));
    submitOrder(state, orderRequest({ quantity: 5_000 }), T0);

    const events = processBar(state, simBar({ volume: -1 }));

    expect(executionsOf(events).map((execution) => execution.quantity)).toEqual([5_000]);
  });
});

describe('processBar day end', () => {
  const lastBarOfDay = Date.UTC(2024, 0, 2, 20, 59); // 15:59 New York
  const nextMorning = Date.UTC(2024, 0, 3, 14, 30); // 09:30 New York the next day
  const farLimit = orderRequest({ type: 'LIMIT', limitPrice: micros(50) });

  it('cancels a working order with END_OF_DAY at the first bar of the next New York day', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, farLimit, lastBarOfDay);
    processBar(state, simBar({ barStart: lastBarOfDay }));

    const events = processBar(state, simBar({ barStart: nextMorning }));

    expect(events).toEqual([
      {
        type: 'OrderStatusReported',
        ts: nextMorning,
        clientOrderId: 'S1-1',
        brokerOrderId: '1',
        status: 'CANCELLED',
        reason: 'END_OF_DAY',
      },
    ]);
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('keeps the order across days when day ends are off', () => {
    const state = createSimBrokerState(simConfig({ cancelAtEndOfDay: false }));
    submitOrder(state, farLimit, lastBarOfDay);
    processBar(state, simBar({ barStart: lastBarOfDay }));

    const events = processBar(state, simBar({ barStart: nextMorning }));

    expect(events).toEqual([]);
    expect(workingOrderCount(state)).toBe(1);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('fills an order sent at the close at the next session open (its day starts with its first bar)', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest(), lastBarOfDay + MINUTE);

    const events = processBar(state, simBar({ barStart: nextMorning, open: 98.75 }));

    expect(executionsOf(events).map((execution) => execution.price)).toEqual([micros(98.75)]);
  });
});

describe('processBar checks', () => {
  it.each([
    ['open', Number.NaN, 'a finite positive number'],
    ['high', 0, 'a finite positive number'],
    ['low', -1, 'a finite positive number'],
    ['volume', Number.NaN, 'a number (-1 when unknown)'],
  ] as const)('throws INVALID_SIM_BAR for %s = %s', (field, value, expected) => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest(), T0);

    const run = (): unknown => processBar(state, simBar({ [field]: value }));

    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_SIM_BAR' }));
    expect(run).toThrow(`sim broker bar "AAPL" at ${T0}: ${field} must be ${expected}, was ${value}`);
  });
});
