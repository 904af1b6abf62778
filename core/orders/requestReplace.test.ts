import { describe, expect, it } from 'vitest';
import type { Micros } from '../money/money.js';
import { clientOrderId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import { createOrderManagerState, type OrderManagerState } from './OrderManagerState.js';
import { openQuantity } from './openQuantity.js';
import { registerOrder } from './registerOrder.js';
import { requestCancel } from './requestCancel.js';
import { requestReplace } from './requestReplace.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';

const ID = clientOrderId('alpha-1');
const price = (dollars: number): Micros => (dollars * 1_000_000) as Micros;

function limitOrder(): OrderManagerState {
  const state = createOrderManagerState();
  registerOrder(state, orderRequest('alpha-1', { type: 'LIMIT', limitPrice: price(10) }), 1_000);
  applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED'));
  return state;
}

describe('requestReplace', () => {
  it('changes quantity and limit of a partly filled order, which keeps working', () => {
    const state = limitOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 30, price(10)));

    const update = requestReplace(state, ID, 60, price(11), 4_000);

    expect(update).toMatchObject({
      outcome: 'APPLIED',
      previousStatus: 'PARTIALLY_FILLED',
      status: 'PARTIALLY_FILLED',
    });
    expect(state.orders.get('alpha-1')).toMatchObject({ quantity: 60, limitPrice: price(11), lastUpdateTs: 4_000 });
    expect(openQuantity(state, 'AAPL'), 'new total 60 minus 30 filled').toBe(30);
  });

  it('fills the order once executions reach the replaced quantity', () => {
    const state = limitOrder();
    requestReplace(state, ID, 50, price(10), 4_000);

    const update = applyExecution(state, executionEvent('alpha-1', 'e1', 50, price(10)));

    expect(update.status).toBe('FILLED');
  });

  it.each([
    [30, price(11), 'quantity must be a whole number above the 30 shares already filled, was 30'],
    [40.5, price(11), 'quantity must be a whole number above the 30 shares already filled, was 40.5'],
    [60, price(0), 'a LIMIT order needs a positive limit price in micro-dollars, was 0'],
    [60, null, 'a LIMIT order needs a positive limit price in micro-dollars, was null'],
  ])('refuses quantity %s at limit %s', (quantity, limit, problem) => {
    const state = limitOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 30, price(10)));

    const update = requestReplace(state, ID, quantity, limit, 4_000);

    expect(update.outcome).toBe('INVALID');
    expect(update.notices.map((n) => [n.code, n.message])).toEqual([
      ['ORDER_INVALID_REPLACE', `order alpha-1: replace refused, ${problem}`],
    ]);
    expect(state.orders.get('alpha-1')).toMatchObject({ quantity: 100, limitPrice: price(10) });
  });

  it('changes the quantity of a market order but refuses to give it a limit price', () => {
    const state = createOrderManagerState();
    registerOrder(state, orderRequest('alpha-1'), 1_000);
    applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED'));

    const withLimit = requestReplace(state, ID, 60, price(11), 4_000);
    const withoutLimit = requestReplace(state, ID, 60, null, 4_000);

    expect(withLimit.notices[0]!.message).toBe(
      'order alpha-1: replace refused, a MARKET order takes no limit price, was 11000000',
    );
    expect(withoutLimit).toMatchObject({ outcome: 'APPLIED', status: 'SUBMITTED' });
    expect(state.orders.get('alpha-1')).toMatchObject({ quantity: 60, limitPrice: null });
  });

  it('refuses to replace an order whose cancel is pending, or one not yet acknowledged', () => {
    const state = limitOrder();
    registerOrder(state, orderRequest('alpha-2', { type: 'LIMIT', limitPrice: price(10) }), 1_000);
    requestCancel(state, ID, 3_500);

    const pendingCancel = requestReplace(state, ID, 60, price(11), 4_000);
    const pendingSubmit = requestReplace(state, clientOrderId('alpha-2'), 60, price(11), 4_000);

    expect(pendingCancel).toMatchObject({ outcome: 'ILLEGAL', status: 'PENDING_CANCEL' });
    expect(pendingSubmit).toMatchObject({ outcome: 'ILLEGAL', status: 'PENDING_SUBMIT' });
    expect(pendingCancel.notices[0]!.code).toBe('ORDER_ILLEGAL_TRANSITION');
  });

  it('reports a replace of an unknown order', () => {
    const state = limitOrder();

    const update = requestReplace(state, clientOrderId('alpha-9'), 60, price(11), 4_000);

    expect(update).toMatchObject({ outcome: 'UNKNOWN_ORDER', previousStatus: null, status: null });
  });
});
