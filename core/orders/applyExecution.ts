import type { ExecutionReported } from '../trading/events.js';
import type { Execution, OrderRecord } from '../trading/types.js';
import { checkExecution } from './checkExecution.js';
import { currentExecutionId } from './correctionTarget.js';
import {
  correctedNotice,
  correctionMismatchNotice,
  duplicateExecutionNotice,
  illegalNotice,
  invalidExecutionNotice,
  overfillNotice,
  unknownCorrectionNotice,
  unknownExecutionNotice,
} from './notices.js';
import { OrderEvent } from './OrderEvent.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { NO_NOTICES, type OrderNotice } from './OrderNotice.js';
import { type ExecutionUpdate, OrderOutcome } from './OrderUpdate.js';
import { setStatus } from './setStatus.js';
import { lookupTransition } from './transitions.js';
import { restOf, shiftWorking } from './shiftWorking.js';

const NOTHING: readonly Execution[] = Object.freeze([]);

/** The update of an execution that was not applied to a known order. */
function unchanged(record: OrderRecord, outcome: OrderOutcome, notice: OrderNotice): ExecutionUpdate {
  const { status, request } = record;
  const base = { clientOrderId: request.clientOrderId, previousStatus: status, status, strategy: request.strategy };
  return { ...base, outcome, removed: NOTHING, added: NOTHING, notices: [notice] };
}

/**
 * Records an execution, keyed by execution id: a duplicate id is ignored; a correction replaces the execution it
 * corrects (through earlier corrections of it, so the latest correction wins); a correction of an execution never
 * received is applied as a new one. The filled quantity is the sum of the current executions. An overfill is
 * reported and applied, because executions are the truth; so is an execution whose status move is illegal (the
 * status stays). An execution for an unknown order, or that cannot belong to its order, is reported and not
 * applied. Never throws. The update lists what the portfolio must reverse and apply.
 */
export function applyExecution(state: OrderManagerState, event: ExecutionReported): ExecutionUpdate {
  const execution = event.execution;
  const id = execution.clientOrderId;
  const record = state.orders.get(id);
  if (record === undefined) {
    const notices = [unknownExecutionNotice(execution)];
    const base = { clientOrderId: id, previousStatus: null, status: null, strategy: null, notices };
    return { ...base, outcome: OrderOutcome.UNKNOWN_ORDER, removed: NOTHING, added: NOTHING };
  }
  const problem = checkExecution(execution, record);
  if (problem !== null) return unchanged(record, OrderOutcome.INVALID, invalidExecutionNotice(execution, problem));
  if (state.executionOrders.has(execution.executionId)) {
    return unchanged(record, OrderOutcome.DUPLICATE, duplicateExecutionNotice(execution));
  }
  let notices: OrderNotice[] | null = null;
  let removed = NOTHING;
  const before = restOf(record);
  const corrects = execution.correctsExecutionId;
  if (corrects !== null) {
    const currentId = currentExecutionId(state, corrects);
    if (currentId === null) {
      notices = [unknownCorrectionNotice(execution, corrects)];
    } else {
      const owner = state.executionOrders.get(currentId)!;
      if (owner !== id) {
        return unchanged(record, OrderOutcome.INVALID, correctionMismatchNotice(execution, corrects, owner));
      }
      const previous = record.executions.get(currentId)!;
      record.executions.delete(currentId);
      record.filledQuantity -= previous.quantity;
      state.corrections.set(currentId, execution.executionId);
      removed = [previous];
      notices = [correctedNotice(previous, execution)];
    }
  }
  record.executions.set(execution.executionId, execution);
  state.executionOrders.set(execution.executionId, id);
  record.filledQuantity += execution.quantity;
  record.lastUpdateTs = event.ts;
  shiftWorking(state, record, before);
  if (record.filledQuantity > record.quantity) {
    (notices ??= []).push(overfillNotice(id, record.filledQuantity, record.quantity));
  }
  const previousStatus = record.status;
  const fillEvent = record.filledQuantity >= record.quantity ? OrderEvent.FILL : OrderEvent.PARTIAL_FILL;
  if (record.filledQuantity > 0) {
    const next = lookupTransition(previousStatus, fillEvent);
    if (next === null) (notices ??= []).push(illegalNotice(id, previousStatus, fillEvent, 'error'));
    else setStatus(state, record, next, event.ts);
  }
  return {
    outcome: OrderOutcome.APPLIED,
    clientOrderId: id,
    previousStatus,
    status: record.status,
    strategy: record.request.strategy,
    removed,
    added: [execution],
    notices: notices ?? NO_NOTICES,
  };
}
