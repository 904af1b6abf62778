import { describe, expect, it } from 'vitest';

import { clientOrderId } from '../trading/ids.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { OPEN_2024_01_02, orderRequest, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';
import { workingOrderCount } from './workingOrderCount.js';

const TS = OPEN_2024_01_02;

describe('submitOrder', () => {
  it('acknowledges an order with SUBMITTED and broker order ids 1, 2, ...', () => {
    const state = createSimBrokerState(simConfig());

    const first = submitOrder(state, orderRequest({ id: 'A' }), TS);
    const second = submitOrder(state, orderRequest({ id: 'B' }), TS + 5);

    expect(first).toEqual([
      {
        type: 'OrderStatusReported',
        ts: TS,
        clientOrderId: 'A',
        brokerOrderId: '1',
        status: 'SUBMITTED',
        reason: null,
      },
    ]);
    expect(second).toEqual([
      {
        type: 'OrderStatusReported',
        ts: TS + 5,
        clientOrderId: 'B',
        brokerOrderId: '2',
        status: 'SUBMITTED',
        reason: null,
      },
    ]);
    expect(workingOrderCount(state)).toBe(2);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it.each([
    [0, 'INVALID_QUANTITY: quantity=0'],
    [-5, 'INVALID_QUANTITY: quantity=-5'],
    [1.5, 'INVALID_QUANTITY: quantity=1.5'],
  ])('rejects quantity %s with reason %s', (quantity, reason) => {
    const state = createSimBrokerState(simConfig());

    const events = submitOrder(state, orderRequest({ quantity }), TS);

    expect(events).toEqual([
      { type: 'OrderStatusReported', ts: TS, clientOrderId: 'S1-1', brokerOrderId: null, status: 'REJECTED', reason },
    ]);
    expect(workingOrderCount(state), 'a rejected order is not working').toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });

  it('rejects a limit order without a limit price', () => {
    const state = createSimBrokerState(simConfig());

    const [event] = submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: null }), TS);

    expect(event).toMatchObject({ status: 'REJECTED', reason: 'MISSING_LIMIT_PRICE: type=LIMIT', brokerOrderId: null });
  });

  it('rejects a limit order with a non-positive limit price and an order without a ticker', () => {
    const state = createSimBrokerState(simConfig());

    const [badPrice] = submitOrder(state, orderRequest({ type: 'LIMIT', limitPrice: 0 as never }), TS);
    const [noTicker] = submitOrder(state, orderRequest({ ticker: '' }), TS);

    expect(badPrice).toMatchObject({ status: 'REJECTED', reason: 'INVALID_LIMIT_PRICE: limitPrice=0' });
    expect(noTicker).toMatchObject({ status: 'REJECTED', reason: 'INVALID_TICKER: ticker=""' });
  });

  it('rejects a client order id that is already working, without consuming a broker order id', () => {
    const state = createSimBrokerState(simConfig());
    submitOrder(state, orderRequest({ id: 'A' }), TS);

    const duplicate = submitOrder(state, orderRequest({ id: 'A' }), TS);
    const next = submitOrder(state, orderRequest({ id: 'B' }), TS);

    expect(duplicate[0]).toMatchObject({ status: 'REJECTED', reason: 'DUPLICATE_ORDER_ID: clientOrderId=A' });
    expect(next[0]).toMatchObject({ status: 'SUBMITTED', brokerOrderId: '2', clientOrderId: clientOrderId('B') });
    expect(workingOrderCount(state)).toBe(2);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });
});

describe('createSimBrokerState', () => {
  it.each([
    [{ participationLimit: 0 }, 'sim broker config: participationLimit must be null or a fraction in (0, 1], was 0'],
    [
      { participationLimit: 1.5 },
      'sim broker config: participationLimit must be null or a fraction in (0, 1], was 1.5',
    ],
    [{ latencyBars: 0.5 }, 'sim broker config: latencyBars must be a whole number >= 0, was 0.5'],
    [{ slippage: { model: 'fixed_bps', bps: -1 } }, 'sim broker config: slippage.bps must be a number >= 0, was -1'],
    [
      { slippage: { model: 'half_spread', fallbackBps: Number.NaN } },
      'sim broker config: slippage.fallbackBps must be a number >= 0, was null',
    ],
    [
      { slippage: { model: 'volume_participation', coefficient: -0.1, fallbackBps: 1 } },
      'sim broker config: slippage.coefficient must be a number >= 0, was -0.1',
    ],
    [
      { commission: { model: 'ibkr_fixed', perShare: 0.005, minimum: -1, maximumPctOfValue: 0.01 } },
      'sim broker config: commission.minimum must be a number >= 0, was -1',
    ],
    [{ fillPolicy: 'SAME_BAR_CLOSE' }, 'sim broker config: fillPolicy must be NEXT_BAR_OPEN, was "SAME_BAR_CLOSE"'],
  ] as const)('rejects %o', (fields, message) => {
    const config = simConfig(fields as never);

    const create = (): unknown => createSimBrokerState(config);

    expect(create).toThrow(message);
    expect(create).toThrow(expect.objectContaining({ code: 'INVALID_SIM_BROKER_CONFIG' }));
  });

  it('starts empty with the default config', () => {
    const state = createSimBrokerState();

    expect(state.config.commission).toEqual({
      model: 'ibkr_fixed',
      perShare: 0.005,
      minimum: 1,
      maximumPctOfValue: 0.01,
    });
    expect(workingOrderCount(state)).toBe(0);
    expect(state.workingCount, 'the running count').toBe(workingOrderCount(state));
  });
});
