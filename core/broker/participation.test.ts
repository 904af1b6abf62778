import { describe, expect, it } from 'vitest';

import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { MINUTE, executionsOf, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

describe('participation limit', () => {
  it('fills 10 % of each bar volume until the order is filled', () => {
    // 250 shares at 10 % of 1 000, 800 and 2 000: 100, 80, then the remaining 70 (cap 200).
    const state = createSimBrokerState(simConfig({ participationLimit: 0.1 }));
    submitOrder(state, orderRequest({ quantity: 250 }), 0);
    const volumes = [1_000, 800, 2_000];

    const perBar = volumes.map((volume, index) => processBar(state, simBar({ barStart: index * MINUTE, volume })));

    expect(perBar.map((events) => executionsOf(events).map((execution) => execution.quantity))).toEqual([
      [100],
      [80],
      [70],
    ]);
    expect(perBar.map((events) => events.at(-1))).toMatchObject([
      { status: 'PARTIALLY_FILLED' },
      { status: 'PARTIALLY_FILLED' },
      { status: 'FILLED' },
    ]);
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('rounds the share cap down, without losing a share to floating point', () => {
    // 0.29 x 100 is 28.999999999999996 in binary floating point; the cap is 29 shares. 0.29 x 3 = 0.87: no share.
    const state = createSimBrokerState(simConfig({ participationLimit: 0.29 }));
    submitOrder(state, orderRequest({ quantity: 50 }), 0);

    const tiny = processBar(state, simBar({ barStart: 0, volume: 3 }));
    const normal = processBar(state, simBar({ barStart: MINUTE, volume: 100 }));

    expect(tiny).toEqual([]);
    expect(executionsOf(normal).map((execution) => execution.quantity)).toEqual([29]);
  });

  it('limits each order on its own', () => {
    const state = createSimBrokerState(simConfig({ participationLimit: 0.5 }));
    submitOrder(state, orderRequest({ id: 'A', quantity: 60 }), 0);
    submitOrder(state, orderRequest({ id: 'B', quantity: 60 }), 0);

    const events = processBar(state, simBar({ volume: 100 }));

    expect(executionsOf(events).map((execution) => [execution.clientOrderId, execution.quantity])).toEqual([
      ['A', 50],
      ['B', 50],
    ]);
  });
});
