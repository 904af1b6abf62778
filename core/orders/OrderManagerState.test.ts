import { describe, expect, it } from 'vitest';
import { strategyId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import { nextClientOrderId } from './nextClientOrderId.js';
import {
  createOrderManagerState,
  orderManagerFromJson,
  orderManagerToJson,
  type OrderManagerJson,
  type OrderManagerState,
} from './OrderManagerState.js';
import { openQuantity } from './openQuantity.js';
import { pruneFinishedOrders } from './pruneFinishedOrders.js';
import { registerOrder } from './registerOrder.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';
import { workingOrders } from './workingOrders.js';

const ALPHA = strategyId('alpha');
const BETA = strategyId('beta');
const restore = (state: OrderManagerState): OrderManagerState =>
  orderManagerFromJson(JSON.parse(JSON.stringify(orderManagerToJson(state))) as OrderManagerJson);

describe('the order manager state', () => {
  it('numbers new ids per strategy from 1', () => {
    const state = createOrderManagerState();

    const ids = [nextClientOrderId(state, ALPHA), nextClientOrderId(state, BETA), nextClientOrderId(state, ALPHA)];

    expect(ids).toEqual(['alpha-1', 'beta-1', 'alpha-2']);
  });

  it('continues the sequence after a serialize and restore, and keeps every order as it was', () => {
    const state = createOrderManagerState();
    const first = nextClientOrderId(state, ALPHA);
    registerOrder(state, orderRequest(first), 1_000);
    applyOrderStatus(state, statusEvent(first, 'SUBMITTED', { broker: '42' }));
    applyExecution(state, executionEvent(first, 'e1', 40, 10_000_000));

    const restored = restore(state);
    const next = nextClientOrderId(restored, ALPHA);
    const replay = applyExecution(restored, executionEvent(first, 'e1', 40, 10_000_000));

    expect(next, 'no id is reused after a restart').toBe('alpha-2');
    expect(restored.orders.get(first)).toEqual(state.orders.get(first));
    expect(Object.fromEntries(restored.brokerOrders)).toEqual({ '42': 'alpha-1' });
    expect(replay.outcome, 'executions re-sent after a reconnect are recognised').toBe('DUPLICATE');
  });

  it('saves the id tables as plain objects keyed by id, and rebuilds working sums a state saved without them lacks', () => {
    const state = createOrderManagerState();
    registerOrder(state, orderRequest('alpha-1'), 1_000);
    applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { broker: '42' }));
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10_000_000));

    const saved = JSON.parse(JSON.stringify(orderManagerToJson(state))) as OrderManagerJson;
    const { workingByTicker, workedTickers, ...older } = saved;
    const restored = orderManagerFromJson(older);

    expect(Object.keys(saved.orders)).toEqual(['alpha-1']);
    expect(saved.executionOrders).toEqual({ e1: 'alpha-1' });
    expect(saved.brokerOrders).toEqual({ '42': 'alpha-1' });
    expect(saved.corrections).toEqual({});
    expect(workingByTicker, 'a buy of 100 with 40 filled leaves 60 to fill').toEqual({ AAPL: 60 });
    expect(restored.workingByTicker).toEqual(workingByTicker);
    expect(restored.workedTickers).toEqual(workedTickers);
    expect(restored.orders).toBeInstanceOf(Map);
  });

  it('registers an order as PENDING_SUBMIT and lists it as working', () => {
    const state = createOrderManagerState();

    const record = registerOrder(state, orderRequest('alpha-1'), 1_000);

    expect(record).toMatchObject({ status: 'PENDING_SUBMIT', quantity: 100, filledQuantity: 0, brokerOrderId: null });
    expect(workingOrders(state)).toEqual([record]);
  });

  it.each([
    [{ quantity: 0 }, 'quantity must be a positive whole number of shares, was 0'],
    [{ quantity: 2.5 }, 'quantity must be a positive whole number of shares, was 2.5'],
    [{ ticker: '' }, 'ticker must not be empty'],
    [{ type: 'LIMIT' as const }, 'a LIMIT order needs a positive limit price in micro-dollars, was null'],
    [{ limitPrice: 5 as never }, 'a MARKET order takes no limit price, was 5'],
  ])('refuses to register %o', (fields, problem) => {
    const state = createOrderManagerState();

    const act = (): unknown => registerOrder(state, orderRequest('alpha-1', fields), 1_000);

    expect(act).toThrow(
      expect.objectContaining({ code: 'ORDER_INVALID_REQUEST', message: `order alpha-1: ${problem}` }),
    );
    expect(state.orders.size).toBe(0);
  });

  it('refuses to register the same client order id twice', () => {
    const state = createOrderManagerState();
    registerOrder(state, orderRequest('alpha-1'), 1_000);

    const act = (): unknown => registerOrder(state, orderRequest('alpha-1'), 2_000);

    expect(act).toThrow(
      expect.objectContaining({ code: 'ORDER_DUPLICATE_ID', message: 'order alpha-1 is already registered' }),
    );
  });

  it('sums open quantity by ticker and strategy, buys positive and sells negative', () => {
    const state = createOrderManagerState();
    registerOrder(state, orderRequest('alpha-1', { quantity: 100 }), 1_000);
    registerOrder(state, orderRequest('alpha-2', { side: 'SELL', quantity: 30 }), 1_000);
    registerOrder(state, orderRequest('beta-1', { strategy: BETA, quantity: 7 }), 1_000);
    registerOrder(state, orderRequest('alpha-3', { ticker: 'MSFT', quantity: 5 }), 1_000);
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10_000_000));

    const all = openQuantity(state, 'AAPL');
    const alpha = openQuantity(state, 'AAPL', ALPHA);
    const beta = openQuantity(state, 'AAPL', BETA);

    expect(all).toBe(100 - 40 - 30 + 7);
    expect(alpha).toBe(100 - 40 - 30);
    expect(beta).toBe(7);
    expect(openQuantity(state, 'MSFT')).toBe(5);
    expect(openQuantity(state, 'IBM')).toBe(0);
  });

  it('forgets finished orders older than a time, with their execution and broker ids, and keeps the rest', () => {
    const state = createOrderManagerState();
    registerOrder(state, orderRequest('alpha-1'), 1_000);
    registerOrder(state, orderRequest('alpha-2'), 1_000);
    registerOrder(state, orderRequest('alpha-3'), 1_000);
    applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { broker: '41', ts: 1_100 }));
    applyExecution(state, executionEvent('alpha-1', 'e1', 100, 10_000_000, { ts: 1_200 }));
    applyExecution(state, executionEvent('alpha-1', 'e1.c', 100, 10_000_000, { ts: 1_300, corrects: 'e1' }));
    applyExecution(state, executionEvent('alpha-2', 'e2', 100, 10_000_000, { ts: 9_000 }));
    applyOrderStatus(state, statusEvent('alpha-3', 'SUBMITTED', { broker: '43', ts: 1_100 }));

    const forgotten = pruneFinishedOrders(state, 5_000);
    const none = pruneFinishedOrders(state, 5_000);

    expect(forgotten).toBe(1);
    expect(none).toBe(0);
    expect([...state.orders.keys()].sort()).toEqual(['alpha-2', 'alpha-3']);
    expect(Object.fromEntries(state.executionOrders)).toEqual({ e2: 'alpha-2' });
    expect(Object.fromEntries(state.corrections)).toEqual({});
    expect(Object.fromEntries(state.brokerOrders)).toEqual({ '43': 'alpha-3' });
  });
});
