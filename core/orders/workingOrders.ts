import type { OrderRecord } from '../trading/types.js';
import type { OrderManagerState } from './OrderManagerState.js';

/** Orders that may still fill (PENDING_SUBMIT, SUBMITTED, PARTIALLY_FILLED, PENDING_CANCEL), oldest first. */
export function workingOrders(state: OrderManagerState): OrderRecord[] {
  return state.working.map((id) => state.orders.get(id)!);
}
