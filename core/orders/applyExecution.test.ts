import { describe, expect, it } from 'vitest';
import { clientOrderId } from '../trading/ids.js';
import { applyExecution } from './applyExecution.js';
import { applyOrderStatus } from './applyOrderStatus.js';
import { createOrderManagerState, type OrderManagerState } from './OrderManagerState.js';
import { registerOrder } from './registerOrder.js';
import { requestCancel } from './requestCancel.js';
import { executionEvent, orderRequest, statusEvent } from './testFixtures.js';

const DOLLAR = 1_000_000;

function stateWithOrder(quantity = 100): OrderManagerState {
  const state = createOrderManagerState();
  registerOrder(state, orderRequest('alpha-1', { quantity }), 1_000);
  applyOrderStatus(state, statusEvent('alpha-1', 'SUBMITTED'));
  return state;
}

const ids = (executions: readonly { executionId: string }[]): string[] => executions.map((e) => e.executionId);

describe('applyExecution', () => {
  it('fills an order in two parts and tells the portfolio to add each execution', () => {
    const state = stateWithOrder();

    const first = applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));
    const second = applyExecution(state, executionEvent('alpha-1', 'e2', 60, 10 * DOLLAR));

    expect(first).toMatchObject({ outcome: 'APPLIED', previousStatus: 'SUBMITTED', status: 'PARTIALLY_FILLED' });
    expect(first.strategy).toBe('alpha');
    expect([ids(first.removed), ids(first.added)]).toEqual([[], ['e1']]);
    expect(second).toMatchObject({ outcome: 'APPLIED', status: 'FILLED' });
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(40 + 60);
    expect(state.working, 'a filled order no longer works').toEqual([]);
  });

  it('ignores an execution id seen before and reports it', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    const update = applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    expect(update).toMatchObject({ outcome: 'DUPLICATE', removed: [], added: [] });
    expect(update.notices.map((n) => [n.level, n.code, n.message])).toEqual([
      ['info', 'ORDER_DUPLICATE_EXECUTION', 'execution e1 of order alpha-1 received again; ignored'],
    ]);
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(40);
  });

  it('replaces a corrected execution, with a different quantity and price, by its correction', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    const update = applyExecution(state, executionEvent('alpha-1', 'e1.c', 30, 10_050_000, { corrects: 'e1' }));

    expect(update.outcome).toBe('APPLIED');
    expect([ids(update.removed), ids(update.added)]).toEqual([['e1'], ['e1.c']]);
    expect(update.removed[0]!.quantity, 'the portfolio reverses the original numbers').toBe(40);
    expect(update.notices.map((n) => n.message)).toEqual([
      'execution e1.c corrects e1 of order alpha-1: 40 @ 10000000 -> 30 @ 10050000 (micro-dollars)',
    ]);
    const record = state.orders.get('alpha-1')!;
    expect([...record.executions.keys()]).toEqual(['e1.c']);
    expect(record.filledQuantity).toBe(30);
  });

  it('applies a second correction of the same execution to the latest correction', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));
    applyExecution(state, executionEvent('alpha-1', 'e1.c1', 30, 10 * DOLLAR, { corrects: 'e1' }));

    const update = applyExecution(state, executionEvent('alpha-1', 'e1.c2', 35, 10 * DOLLAR, { corrects: 'e1' }));
    const replay = applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    expect([ids(update.removed), ids(update.added)]).toEqual([['e1.c1'], ['e1.c2']]);
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(35);
    expect(replay.outcome, 'the corrected original replayed on reconnect stays out').toBe('DUPLICATE');
  });

  it('undoes a busted execution (a correction of zero shares) without moving the status back', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    const update = applyExecution(state, executionEvent('alpha-1', 'e1.bust', 0, 10 * DOLLAR, { corrects: 'e1' }));

    expect([ids(update.removed), ids(update.added)]).toEqual([['e1'], ['e1.bust']]);
    expect(state.orders.get('alpha-1')).toMatchObject({ filledQuantity: 0, status: 'PARTIALLY_FILLED' });
  });

  it('applies a correction of an execution never received as a new execution and warns', () => {
    const state = stateWithOrder();

    const update = applyExecution(state, executionEvent('alpha-1', 'e9.c', 25, 10 * DOLLAR, { corrects: 'e9' }));

    expect([ids(update.removed), ids(update.added)]).toEqual([[], ['e9.c']]);
    expect(update.notices.map((n) => [n.level, n.code])).toEqual([['warn', 'ORDER_UNKNOWN_CORRECTION']]);
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(25);
  });

  it('refuses a correction of an execution that belongs to another order', () => {
    const state = stateWithOrder();
    registerOrder(state, orderRequest('alpha-2'), 1_000);
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));

    const update = applyExecution(state, executionEvent('alpha-2', 'e1.c', 30, 10 * DOLLAR, { corrects: 'e1' }));

    expect(update).toMatchObject({ outcome: 'INVALID', removed: [], added: [] });
    expect(update.notices[0]!.message).toBe(
      'execution e1.c of order alpha-2 corrects e1, which belongs to order alpha-1; not applied',
    );
    expect([state.orders.get('alpha-1')!.filledQuantity, state.orders.get('alpha-2')!.filledQuantity]).toEqual([40, 0]);
  });

  it('applies a partial execution reported after the FILLED status and keeps the order FILLED', () => {
    const state = stateWithOrder();
    applyOrderStatus(state, statusEvent('alpha-1', 'FILLED'));

    const first = applyExecution(state, executionEvent('alpha-1', 'e1', 50, 10 * DOLLAR));
    const second = applyExecution(state, executionEvent('alpha-1', 'e2', 50, 10 * DOLLAR));

    expect(first).toMatchObject({ outcome: 'APPLIED', previousStatus: 'FILLED', status: 'FILLED' });
    expect(first.notices).toEqual([]);
    expect(second.status).toBe('FILLED');
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(50 + 50);
  });

  it('applies a late execution after CANCELLED, and moves to FILLED if executions cover the order', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));
    requestCancel(state, clientOrderId('alpha-1'), 2_500);
    applyOrderStatus(state, statusEvent('alpha-1', 'CANCELLED'));

    const late = applyExecution(state, executionEvent('alpha-1', 'e2', 20, 10 * DOLLAR));
    const all = applyExecution(state, executionEvent('alpha-1', 'e3', 40, 10 * DOLLAR));

    expect(late).toMatchObject({ outcome: 'APPLIED', previousStatus: 'CANCELLED', status: 'CANCELLED' });
    expect(all).toMatchObject({ previousStatus: 'CANCELLED', status: 'FILLED' });
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(40 + 20 + 40);
  });

  it('applies an overfill, because executions are the truth, and reports it as an error', () => {
    const state = stateWithOrder();
    applyExecution(state, executionEvent('alpha-1', 'e1', 100, 10 * DOLLAR));

    const update = applyExecution(state, executionEvent('alpha-1', 'e2', 10, 10 * DOLLAR));

    expect(update).toMatchObject({ outcome: 'APPLIED', status: 'FILLED' });
    expect(ids(update.added)).toEqual(['e2']);
    expect(update.notices.map((n) => [n.level, n.code, n.message])).toEqual([
      [
        'error',
        'ORDER_OVERFILL',
        'order alpha-1: executions total 110 shares for an order of 100; applied, executions are the truth',
      ],
    ]);
  });

  it('applies an execution of a rejected order but leaves the status and logs the illegal move', () => {
    const state = stateWithOrder();
    applyOrderStatus(state, statusEvent('alpha-1', 'REJECTED'));

    const update = applyExecution(state, executionEvent('alpha-1', 'e1', 10, 10 * DOLLAR));

    expect(update).toMatchObject({ outcome: 'APPLIED', previousStatus: 'REJECTED', status: 'REJECTED' });
    expect(ids(update.added)).toEqual(['e1']);
    expect(update.notices.map((n) => n.message)).toEqual([
      'order alpha-1: illegal transition, event PARTIAL_FILL in status REJECTED; status not changed',
    ]);
  });

  it('does not apply an execution of an unknown order', () => {
    const state = stateWithOrder();

    const update = applyExecution(state, executionEvent('manual-1', 'x1', 10, 10 * DOLLAR));

    expect(update).toMatchObject({ outcome: 'UNKNOWN_ORDER', strategy: null, removed: [], added: [] });
    expect(update.notices.map((n) => [n.level, n.code, n.message])).toEqual([
      ['warn', 'ORDER_UNKNOWN_EXECUTION', 'execution x1: unknown order manual-1; not applied'],
    ]);
    expect(Object.fromEntries(state.executionOrders)).toEqual({});
  });

  it.each([
    [
      'another ticker',
      executionEvent('alpha-1', 'e1', 10, DOLLAR, { ticker: 'MSFT' }),
      'a BUY of MSFT cannot fill an order to BUY AAPL',
    ],
    [
      'the other side',
      executionEvent('alpha-1', 'e1', 10, DOLLAR, { side: 'SELL' }),
      'a SELL of AAPL cannot fill an order to BUY AAPL',
    ],
    [
      'zero shares',
      executionEvent('alpha-1', 'e1', 0, DOLLAR),
      'quantity must be a positive whole number of shares, was 0',
    ],
    [
      'a fractional share',
      executionEvent('alpha-1', 'e1', 1.5, DOLLAR),
      'quantity must be a positive whole number of shares, was 1.5',
    ],
    [
      'a zero price',
      executionEvent('alpha-1', 'e1', 10, 0),
      'price must be a positive whole number of micro-dollars, was 0',
    ],
    [
      'a NaN price',
      executionEvent('alpha-1', 'e1', 10, Number.NaN),
      'price must be a positive whole number of micro-dollars, was NaN',
    ],
    [
      'a fractional commission',
      executionEvent('alpha-1', 'e1', 10, DOLLAR, { commission: 0.5 }),
      'commission must be whole micro-dollars, was 0.5',
    ],
  ])('refuses an execution with %s', (_label, event, problem) => {
    const state = stateWithOrder();

    const update = applyExecution(state, event);

    expect(update).toMatchObject({ outcome: 'INVALID', added: [], removed: [] });
    expect(update.notices.map((n) => [n.code, n.message])).toEqual([
      ['ORDER_INVALID_EXECUTION', `execution e1 of order alpha-1: ${problem}; not applied`],
    ]);
    expect(state.orders.get('alpha-1')!.filledQuantity).toBe(0);
  });
});
