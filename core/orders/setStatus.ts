import type { OrderRecord, OrderStatus } from '../trading/types.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { isWorking } from './transitions.js';
import { restOf, shiftWorking } from './shiftWorking.js';

/**
 * Moves an order to a status the table allowed, keeping the list of working orders and the per-ticker working sums
 * in step (internal).
 */
export function setStatus(state: OrderManagerState, record: OrderRecord, status: OrderStatus, ts: number): void {
  const wasWorking = isWorking(record.status);
  const nowWorking = isWorking(status);
  const before = restOf(record);
  record.status = status;
  record.lastUpdateTs = ts;
  if (wasWorking === nowWorking) return;
  shiftWorking(state, record, before);
  const id = record.request.clientOrderId;
  if (nowWorking) {
    state.working.push(id);
  } else {
    // `>>> 0` turns a missing index (-1) into one past any end, so a list that lacks the id is left alone.
    state.working.splice(state.working.indexOf(id) >>> 0, 1);
  }
}
