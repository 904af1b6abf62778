import type { OrderManagerState } from './OrderManagerState.js';
import { isWorking } from './transitions.js';

/**
 * Forgets finished orders last updated before `beforeTs`, with their execution ids and broker ids, so the state
 * of a long backtest or session stays small; returns how many were forgotten. Sequences are kept, so ids stay
 * unique. A late duplicate or correction for a forgotten order then reports ORDER_UNKNOWN_EXECUTION and is not
 * applied, so prune only orders old enough that the broker no longer reports them (the previous session's).
 */
export function pruneFinishedOrders(state: OrderManagerState, beforeTs: number): number {
  // A Set, not an object: every id is a key never seen before, and an ordinary object would build (and keep) a
  // chain of hidden classes for each day's ids.
  const forgotten = new Set<string>();
  for (const id in state.orders) {
    const record = state.orders[id]!;
    if (isWorking(record.status) || record.lastUpdateTs >= beforeTs) continue;
    forgotten.add(id);
    delete state.orders[id];
  }
  if (forgotten.size === 0) return 0;
  for (const executionId in state.executionOrders) {
    if (forgotten.has(state.executionOrders[executionId]!)) {
      delete state.executionOrders[executionId];
      delete state.corrections[executionId];
    }
  }
  for (const brokerId in state.brokerOrders) {
    if (forgotten.has(state.brokerOrders[brokerId]!)) delete state.brokerOrders[brokerId];
  }
  return forgotten.size;
}
