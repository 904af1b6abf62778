import { describe, expect, it } from 'vitest';

import { clientOrderId } from '../trading/ids.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { replaceOrder } from './replaceOrder.js';
import { MINUTE, executionsOf, micros, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';

const ID = clientOrderId('S1-1');

describe('replaceOrder', () => {
  it('changes the quantity of a working order', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ quantity: 100 }), 0);

    const replaced = replaceOrder(state, ID, 250, null, 1);
    const events = processBar(state, simBar({ barStart: MINUTE }));

    expect(replaced).toEqual([
      {
        type: 'OrderStatusReported',
        ts: 1,
        clientOrderId: 'S1-1',
        brokerOrderId: '1',
        status: 'SUBMITTED',
        reason: 'REPLACED',
      },
    ]);
    expect(executionsOf(events).map((execution) => execution.quantity)).toEqual([250]);
  });

  it('lowers the quantity of a partially filled order to fill only the rest', () => {
    // 300 ordered, 100 filled (10 % of 1 000); replaced to 150, so 50 more fill and the order is done.
    const state = createSimBrokerState(simConfig({ participationLimit: 0.1 }));
    submitOrder(state, orderRequest({ quantity: 300 }), 0);
    processBar(state, simBar({ barStart: 0, volume: 1_000 }));

    const replaced = replaceOrder(state, ID, 150, null, MINUTE);
    const events = processBar(state, simBar({ barStart: MINUTE, volume: 1_000 }));

    expect(replaced[0]).toMatchObject({ status: 'PARTIALLY_FILLED', reason: 'REPLACED' });
    expect(executionsOf(events).map((execution) => execution.quantity)).toEqual([50]);
    expect(events.at(-1)).toMatchObject({ status: 'FILLED' });
  });

  it('moves the limit price of a limit order, and keeps it when given null', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: micros(90) }), 0);
    replaceOrder(state, ID, 100, micros(99.5), 1);
    replaceOrder(state, ID, 120, null, 2);

    const events = processBar(state, simBar({ barStart: MINUTE, open: 100, low: 99 }));

    expect(executionsOf(events).map((execution) => [execution.quantity, execution.price])).toEqual([
      [120, micros(99.5)],
    ]);
  });

  it('rejects a quantity not above the filled quantity and leaves the order unchanged', () => {
    const state = createSimBrokerState(simConfig({ participationLimit: 0.1 }));
    submitOrder(state, orderRequest({ quantity: 300 }), 0);
    processBar(state, simBar({ barStart: 0, volume: 1_000 }));

    const rejected = replaceOrder(state, ID, 100, null, MINUTE);
    const events = processBar(state, simBar({ barStart: MINUTE, volume: 10_000 }));

    expect(rejected).toEqual([
      {
        type: 'OrderStatusReported',
        ts: MINUTE,
        clientOrderId: 'S1-1',
        brokerOrderId: '1',
        status: 'PARTIALLY_FILLED',
        reason: 'REPLACE_REJECTED: quantity=100, filledQuantity=100',
      },
    ]);
    expect(
      executionsOf(events).map((execution) => execution.quantity),
      'the remaining 200 of 300',
    ).toEqual([200]);
  });

  it('does not apply a replace to a bar that opened before the replace (interleaved tickers)', () => {
    // The backtest steps A@09:30 (broker, then the engine at its 09:31 close) before B@09:30's broker step. A replace
    // of a B order decided at 09:31 must not trade at B's 09:30 open or within that bar, exactly as a new order sent
    // at 09:31 would not (submitOrder's guard). Here: a buy limit at 90 (the old terms cannot fill in either bar)
    // raised to 101 x 500 at 2 min, the close of the bar [1 min, 2 min) that the broker has not seen yet. Before the
    // fix that bar filled 500 shares at its open of 100, a price from before the decision.
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: micros(90), quantity: 100 }), 0);
    const replaced = replaceOrder(state, ID, 500, micros(101), 2 * MINUTE);

    const early = processBar(state, simBar({ barStart: MINUTE, open: 100, high: 101, low: 99 }));
    const later = processBar(state, simBar({ barStart: 2 * MINUTE, open: 100.5, high: 101, low: 100 }));

    expect(replaced[0]).toMatchObject({ status: 'SUBMITTED', reason: 'REPLACED' });
    expect(early, 'the 1-minute bar opened before the replace at 2 minutes').toEqual([]);
    expect(executionsOf(later).map((execution) => [execution.quantity, execution.price])).toEqual([
      [500, micros(100.5)],
    ]);
  });

  it('rejects a non-positive limit price, and gives no event for an order that is not working', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: micros(90) }), 0);

    const rejected = replaceOrder(state, ID, 100, micros(-1), 1);
    const unknown = replaceOrder(state, clientOrderId('unknown'), 100, null, 1);

    expect(rejected[0]).toMatchObject({ status: 'SUBMITTED', reason: 'REPLACE_REJECTED: limitPrice=-1000000' });
    expect(unknown).toEqual([]);
  });
});
