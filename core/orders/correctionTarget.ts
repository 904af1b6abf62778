import type { ExecutionId } from '../trading/ids.js';
import type { Execution } from '../trading/types.js';
import type { OrderManagerState } from './OrderManagerState.js';

/** The current execution that replaced `id` through any chain of corrections, or `null` if `id` is unknown. */
export function currentExecutionId(state: OrderManagerState, id: ExecutionId): ExecutionId | null {
  if (!state.executionOrders.has(id)) return null;
  let current = id;
  for (let next = state.corrections.get(current); next !== undefined; next = state.corrections.get(current)) {
    current = next;
  }
  return current;
}

/**
 * The execution `applyExecution` would take out of its order to put `execution` in its place: the current end of
 * the chain `execution` corrects, when `execution` is new and that chain belongs to its order. Null for anything
 * else (not a correction, a duplicate, an unknown target, another order's execution). Lets a caller that keeps its
 * own copy of the executions (the engine's portfolio) refuse a correction it could not reverse before the order
 * manager takes it.
 */
export function correctionTarget(state: OrderManagerState, execution: Execution): Execution | null {
  const corrects = execution.correctsExecutionId;
  if (corrects === null || state.executionOrders.has(execution.executionId)) return null;
  const currentId = currentExecutionId(state, corrects);
  if (currentId === null || state.executionOrders.get(currentId) !== execution.clientOrderId) return null;
  return state.orders.get(execution.clientOrderId)?.executions.get(currentId) ?? null;
}
