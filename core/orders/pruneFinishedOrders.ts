import type { OrderManagerState } from './OrderManagerState.js';
import { isWorking } from './transitions.js';

/**
 * Forgets finished orders last updated before `beforeTs`, with their execution ids and broker ids, so the state
 * of a long backtest or session stays small; returns how many were forgotten. Sequences are kept, so ids stay
 * unique. A late duplicate or correction for a forgotten order then reports ORDER_UNKNOWN_EXECUTION and is not
 * applied, so prune only orders old enough that the broker no longer reports them (the previous session's).
 * Deleting the entry being visited while iterating a `Map` is safe (the iteration goes on with the next one).
 */
export function pruneFinishedOrders(state: OrderManagerState, beforeTs: number): number {
  const forgotten = new Set<string>();
  for (const [id, record] of state.orders) {
    if (isWorking(record.status) || record.lastUpdateTs >= beforeTs) continue;
    forgotten.add(id);
    state.orders.delete(id);
  }
  if (forgotten.size === 0) return 0;
  for (const [executionId, orderId] of state.executionOrders) {
    if (forgotten.has(orderId)) {
      state.executionOrders.delete(executionId);
      state.corrections.delete(executionId);
    }
  }
  for (const [brokerId, orderId] of state.brokerOrders) {
    if (forgotten.has(orderId)) state.brokerOrders.delete(brokerId);
  }
  return forgotten.size;
}
