import { describe, expect, it } from 'vitest';
import { brokerOrderId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import {
  clientOrderIdForBroker,
  createOrderManagerState,
  orderManagerToJson,
  type OrderManagerState,
} from './OrderManagerState.js';
import { toLogRecord } from './OrderNotice.js';
import { registerOrder } from './registerOrder.js';
import { requestCancel } from './requestCancel.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';

function stateWithOrder(): OrderManagerState {
  const state = createOrderManagerState();
  registerOrder(state, orderRequest('alpha-1'), 1_000);
  return state;
}

describe('applyOrderStatus', () => {
  it('moves a sent order to SUBMITTED on acknowledgement and records the broker id', () => {
    const state = stateWithOrder();

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { broker: '42', ts: 1_500 }));

    expect(update).toMatchObject({ outcome: 'APPLIED', previousStatus: 'PENDING_SUBMIT', status: 'SUBMITTED' });
    expect(update.notices).toEqual([]);
    expect(state.orders.get('alpha-1')).toMatchObject({
      status: 'SUBMITTED',
      brokerOrderId: '42',
      lastUpdateTs: 1_500,
    });
    expect(clientOrderIdForBroker(state, brokerOrderId('42'))).toBe('alpha-1');
    expect(clientOrderIdForBroker(state, brokerOrderId('43'))).toBeNull();
  });

  it('ignores the same status reported again as a duplicate, not as an illegal transition', () => {
    const state = stateWithOrder();
    applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { ts: 1_500 }));

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { ts: 1_600 }));

    expect(update).toMatchObject({ outcome: 'DUPLICATE', previousStatus: 'SUBMITTED', status: 'SUBMITTED' });
    expect(update.notices.map((notice) => [notice.level, notice.code, notice.message])).toEqual([
      ['debug', 'ORDER_DUPLICATE_STATUS', 'order alpha-1: status SUBMITTED reported again; ignored'],
    ]);
    expect(state.orders.get('alpha-1')!.lastUpdateTs, 'a duplicate changes nothing').toBe(1_500);
  });

  it('takes the FILLED that follows the filling executions as a confirmation: nothing changes, nothing is logged', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10_000_000));
    applyExecution(state, executionEvent('alpha-1', 'e2', 60, 10_000_000));
    const filled = state.orders.get('alpha-1')!;
    expect(filled.status).toBe('FILLED');
    const before = JSON.stringify({ ...filled, executions: [...filled.executions] });

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'FILLED', { ts: 9_000 }));

    expect(update).toMatchObject({ outcome: 'DUPLICATE', previousStatus: 'FILLED', status: 'FILLED', notices: [] });
    expect(JSON.stringify({ ...filled, executions: [...filled.executions] })).toBe(before);
  });

  it('ignores SUBMITTED arriving after PARTIALLY_FILLED and logs it, never moving the order backwards', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10_000_000));

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED'));

    expect(update).toMatchObject({ outcome: 'STALE', previousStatus: 'PARTIALLY_FILLED', status: 'PARTIALLY_FILLED' });
    expect(update.notices.map((notice) => [notice.level, notice.code, notice.message])).toEqual([
      [
        'info',
        'ORDER_STALE_STATUS',
        'order alpha-1: status SUBMITTED reported while PARTIALLY_FILLED; ignored as out of order',
      ],
    ]);
  });

  it('treats a report of NEW as out of order', () => {
    const state = stateWithOrder();

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'NEW'));

    expect(update.outcome).toBe('STALE');
    expect(state.orders.get('alpha-1')!.status).toBe('PENDING_SUBMIT');
  });

  it('ignores PARTIALLY_FILLED reported after FILLED or while a cancel is pending: executions carry fills', () => {
    const state = stateWithOrder();
    registerOrder(state, orderRequest('alpha-2'), 1_000);
    applyOrderStatus(state, statusEvent('alpha-1', 'FILLED'));
    requestCancel(state, orderRequest('alpha-2').clientOrderId, 1_200);

    const afterFill = applyOrderStatus(state, statusEvent('alpha-1', 'PARTIALLY_FILLED'));
    const whileCancelling = applyOrderStatus(state, statusEvent('alpha-2', 'PARTIALLY_FILLED'));

    expect(afterFill).toMatchObject({ outcome: 'STALE', status: 'FILLED' });
    expect(whileCancelling).toMatchObject({ outcome: 'STALE', status: 'PENDING_CANCEL' });
  });

  it('moves a pending cancel to FILLED when the broker reports the order filled', () => {
    const state = stateWithOrder();
    requestCancel(state, orderRequest('alpha-1').clientOrderId, 1_200);

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'FILLED'));

    expect(update).toMatchObject({ outcome: 'APPLIED', previousStatus: 'PENDING_CANCEL', status: 'FILLED' });
  });

  it('refuses CANCELLED after FILLED as illegal, logs an error and keeps FILLED', () => {
    const state = stateWithOrder();
    applyOrderStatus(state, statusEvent('alpha-1', 'FILLED'));

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'CANCELLED', { ts: 4_000 }));

    expect(update).toMatchObject({ outcome: 'ILLEGAL', previousStatus: 'FILLED', status: 'FILLED' });
    const record = toLogRecord(update.notices[0]!, 4_000);
    expect(record).toEqual({
      type: 'LogRecord',
      ts: 4_000,
      level: 'error',
      code: 'ORDER_ILLEGAL_TRANSITION',
      message: 'order alpha-1: illegal transition, event CANCELLED in status FILLED; status not changed',
      context: { clientOrderId: 'alpha-1', status: 'FILLED', event: 'CANCELLED' },
    });
  });

  it('records the reason of a rejection', () => {
    const state = stateWithOrder();

    applyOrderStatus(state, statusEvent('alpha-1', 'REJECTED', { reason: 'no shortable shares' }));

    expect(state.orders.get('alpha-1')).toMatchObject({ status: 'REJECTED', reason: 'no shortable shares' });
    expect(state.working, 'a rejected order no longer works').toEqual([]);
  });

  it('keeps both broker ids and warns when the broker id changes', () => {
    const state = stateWithOrder();
    applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { broker: '42' }));

    const update = applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED', { broker: '77' }));

    expect(update.outcome).toBe('DUPLICATE');
    expect(update.notices.map((notice) => notice.code)).toEqual(['ORDER_BROKER_ID_CHANGED', 'ORDER_DUPLICATE_STATUS']);
    expect(update.notices[0]!.message).toBe('order alpha-1: broker order id changed from 42 to 77; both are kept');
    expect(state.orders.get('alpha-1')!.brokerOrderId).toBe('77');
    expect(Object.fromEntries(state.brokerOrders)).toEqual({ '42': 'alpha-1', '77': 'alpha-1' });
  });

  it('reports a status for an unknown order without changing anything', () => {
    const state = stateWithOrder();
    const before = JSON.stringify(orderManagerToJson(state));

    const update = applyOrderStatus(state, statusEvent('ghost-9', 'FILLED'));

    expect(update).toMatchObject({ outcome: 'UNKNOWN_ORDER', previousStatus: null, status: null });
    expect(update.notices[0]).toMatchObject({
      level: 'warn',
      code: 'ORDER_UNKNOWN_ORDER',
      message: 'order ghost-9: unknown client order id; status FILLED ignored',
    });
    expect(JSON.stringify(orderManagerToJson(state))).toBe(before);
  });
});
