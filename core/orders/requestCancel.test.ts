import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import { createOrderManagerState, type OrderManagerState } from './OrderManagerState.js';
import { openQuantity } from './openQuantity.js';
import { registerOrder } from './registerOrder.js';
import { requestCancel } from './requestCancel.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';

const ID = clientOrderId('alpha-1');

function submitted(): OrderManagerState {
  const state = createOrderManagerState();
  registerOrder(state, orderRequest('alpha-1'), 1_000);
  applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED'));
  return state;
}

describe('requestCancel', () => {
  it('cancels a partly filled order: pending, then cancelled, keeping the filled part', () => {
    const state = submitted();
    applyExecution(state, executionEvent('alpha-1', 'e1', 30, 10_000_000));

    const request = requestCancel(state, ID, 4_000);
    const open = openQuantity(state, 'AAPL');
    const confirmed = applyOrderStatus(state, statusEvent('alpha-1', 'CANCELLED', { ts: 5_000 }));

    expect(request).toMatchObject({ outcome: 'APPLIED', previousStatus: 'PARTIALLY_FILLED', status: 'PENDING_CANCEL' });
    expect(open, 'a pending cancel may still fill: 100 - 30 shares stay open').toBe(70);
    expect(confirmed).toMatchObject({ outcome: 'APPLIED', status: 'CANCELLED' });
    expect(state.orders.get('alpha-1')).toMatchObject({ filledQuantity: 30, lastUpdateTs: 5_000 });
    expect(openQuantity(state, 'AAPL'), 'a cancelled order has nothing open').toBe(0);
  });

  it('lets a fill that raced the cancel finish the order', () => {
    const state = submitted();
    requestCancel(state, ID, 4_000);

    const update = applyExecution(state, executionEvent('alpha-1', 'e1', 100, 10_000_000));

    expect(update).toMatchObject({ previousStatus: 'PENDING_CANCEL', status: 'FILLED' });
  });

  it('accepts asking again while the cancel is pending', () => {
    const state = submitted();
    requestCancel(state, ID, 4_000);

    const again = requestCancel(state, ID, 9_000);

    expect(again).toMatchObject({ outcome: 'APPLIED', status: 'PENDING_CANCEL' });
    expect(state.working, 'the order is listed once').toEqual(['alpha-1']);
  });

  it('refuses to cancel a filled order with a warning instead of throwing', () => {
    const state = submitted();
    applyExecution(state, executionEvent('alpha-1', 'e1', 100, 10_000_000));

    const update = requestCancel(state, ID, 4_000);

    expect(update).toMatchObject({ outcome: 'ILLEGAL', previousStatus: 'FILLED', status: 'FILLED' });
    expect(update.notices.map((n) => [n.level, n.message])).toEqual([
      ['warn', 'order alpha-1: illegal transition, event REQUEST_CANCEL in status FILLED; status not changed'],
    ]);
  });

  it('reports a cancel of an unknown order', () => {
    const state = submitted();

    const update = requestCancel(state, clientOrderId('alpha-9'), 4_000);

    expect(update.outcome).toBe('UNKNOWN_ORDER');
    expect(update.notices[0]!.message).toBe('order alpha-9: unknown client order id; cancel request ignored');
  });
});
