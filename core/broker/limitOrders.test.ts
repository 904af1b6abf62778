import { describe, expect, it } from 'vitest';

import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { executionsOf, micros, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

// Slippage is on to show that limit orders never pay it: 100 bps would move a market fill by a dollar.
const config = simConfig({ slippage: { model: 'fixed_bps', bps: 100 } });

function fillsOf(side: 'BUY' | 'SELL', limit: number, bar: { open: number; high: number; low: number }): number[] {
  const state = createSimBrokerState(config);
  submitOrder(state, orderRequest({ side, type: 'LIMIT', limitPrice: micros(limit) }), 0);
  return executionsOf(processBar(state, simBar({ ...bar, close: bar.open }))).map((execution) => execution.price);
}

describe('limit orders', () => {
  it('fills a buy at its limit when the low touches it', () => {
    expect(fillsOf('BUY', 99.5, { open: 100, high: 100.2, low: 99.5 })).toEqual([micros(99.5)]);
  });

  it('does not fill a buy when the low stays a cent above the limit', () => {
    const state = createSimBrokerState(config);
    submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: micros(99.5) }), 0);

    const events = processBar(state, simBar({ open: 100, high: 100.2, low: 99.51 }));

    expect(events).toEqual([]);
    expect(workingOrderCount(state), 'the order keeps working').toBe(1);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('fills a buy at the open when the bar gaps down through the limit', () => {
    expect(fillsOf('BUY', 99.5, { open: 98, high: 98.5, low: 97 })).toEqual([micros(98)]);
  });

  it('fills a sell at its limit when the high touches it, and not when it stays below', () => {
    expect(fillsOf('SELL', 100.5, { open: 100, high: 100.5, low: 99.8 })).toEqual([micros(100.5)]);
    expect(fillsOf('SELL', 100.5, { open: 100, high: 100.49, low: 99.8 })).toEqual([]);
  });

  it('fills a sell at the open when the bar gaps up through the limit', () => {
    expect(fillsOf('SELL', 100.5, { open: 102, high: 103, low: 101.5 })).toEqual([micros(102)]);
  });
});
