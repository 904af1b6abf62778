import { describe, expect, it } from 'vitest';
import { applyExecution } from './applyExecution.js';
import { correctionTarget } from './correctionTarget.js';
import { createOrderManagerState, type OrderManagerState } from './OrderManagerState.js';
import { registerOrder } from './registerOrder.js';
import { executionEvent, orderRequest } from './testFixtures.js';

const DOLLAR = 1_000_000;

/** Orders alpha-1 (filled by e1, 40 shares) and alpha-2 (filled by f1). */
function twoFilledOrders(): OrderManagerState {
  const state = createOrderManagerState();
  registerOrder(state, orderRequest('alpha-1'), 1_000);
  registerOrder(state, orderRequest('alpha-2'), 1_000);
  applyExecution(state, executionEvent('alpha-1', 'e1', 40, 10 * DOLLAR));
  applyExecution(state, executionEvent('alpha-2', 'f1', 10, 10 * DOLLAR));
  return state;
}

const target = (state: OrderManagerState, order: string, id: string, corrects?: string) => {
  const fields = corrects === undefined ? {} : { corrects };
  return correctionTarget(state, executionEvent(order, id, 30, 10 * DOLLAR, fields).execution)?.executionId ?? null;
};

describe('correctionTarget', () => {
  it('names the execution a correction would replace, following earlier corrections', () => {
    const state = twoFilledOrders();

    expect(target(state, 'alpha-1', 'e1b', 'e1'), 'a first correction replaces e1').toBe('e1');
    applyExecution(state, executionEvent('alpha-1', 'e1b', 35, 10 * DOLLAR, { corrects: 'e1' }));
    expect(target(state, 'alpha-1', 'e1c', 'e1'), 'naming e1 again now replaces its correction e1b').toBe('e1b');
  });

  it('is null for what the order manager would not treat as a replacement', () => {
    const state = twoFilledOrders();

    expect(target(state, 'alpha-1', 'e2'), 'not a correction').toBeNull();
    expect(target(state, 'alpha-1', 'e1', 'e1'), 'a duplicate of a known id').toBeNull();
    expect(target(state, 'alpha-1', 'e1b', 'unknown'), 'a correction of an id never received').toBeNull();
    expect(target(state, 'alpha-1', 'e1b', 'f1'), 'a correction of another order’s execution').toBeNull();
  });
});
