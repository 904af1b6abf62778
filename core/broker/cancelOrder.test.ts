import { describe, expect, it } from 'vitest';

import { clientOrderId } from '../trading/ids.js';
import { cancelOrder } from './cancelOrder.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { MINUTE, executionsOf, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

describe('cancelOrder', () => {
  it('cancels a partially filled order and keeps its filled shares', () => {
    const state = createSimBrokerState(simConfig({ participationLimit: 0.1 }));
    submitOrder(state, orderRequest({ quantity: 300 }), 0);
    const partial = processBar(state, simBar({ barStart: 0, volume: 1_000 }));

    const cancelled = cancelOrder(state, clientOrderId('S1-1'), MINUTE - 1);
    const after = processBar(state, simBar({ barStart: MINUTE, volume: 1_000 }));

    expect(executionsOf(partial).map((execution) => execution.quantity)).toEqual([100]);
    expect(cancelled).toEqual([
      {
        type: 'OrderStatusReported',
        ts: MINUTE - 1,
        clientOrderId: 'S1-1',
        brokerOrderId: '1',
        status: 'CANCELLED',
        reason: null,
      },
    ]);
    expect(after, 'a cancelled order fills no more').toEqual([]);
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('gives no event for an order that is not working', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest(), 0);
    processBar(state, simBar({ barStart: 0 }));

    expect(cancelOrder(state, clientOrderId('S1-1'), MINUTE), 'already filled').toEqual([]);
    expect(cancelOrder(state, clientOrderId('unknown'), MINUTE)).toEqual([]);
  });

  it('cancels only the named order', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ id: 'A' }), 0);
    submitOrder(state, orderRequest({ id: 'B', ticker: 'MSFT' }), 0);

    cancelOrder(state, clientOrderId('B'), 1);
    const events = processBar(state, simBar({ barStart: 0 }));

    expect(executionsOf(events).map((execution) => execution.clientOrderId)).toEqual(['A']);
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });
});
