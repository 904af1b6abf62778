import {
  applyExecution,
  applyOrderStatus,
  correctionTarget,
  OrderOutcome,
  toLogRecord,
  type OrderNotice,
} from '../orders/index.js';
import * as portfolio from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { ExecutionReported, OrderStatusReported } from '../trading/events.js';
import type { ClientOrderId } from '../trading/ids.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { refreshTickerSlot } from './tickerSlots.js';
import { refreshWorkingPart } from './workingExposure.js';

function logNotices(notices: readonly OrderNotice[], ts: number, out: EngineCommand[]): void {
  for (const notice of notices) out.push(toLogRecord(notice, ts));
}

/**
 * Broker reports. Executions are the truth for positions: the order manager de-duplicates them by execution id and
 * turns corrections into "reverse the old, apply the new", which the portfolio applies exactly. Illegal, stale and
 * duplicate reports change nothing and go out as log records.
 */
export function onBrokerEvent(
  state: EngineState,
  event: ExecutionReported | OrderStatusReported,
  out: EngineCommand[],
): void {
  if (event.type === 'OrderStatusReported') {
    const update = applyOrderStatus(state.orders, event);
    logNotices(update.notices, event.ts, out);
    // A status that ends an order takes its rest out of the ticker's working shares; a report that is not applied
    // (the FILLED that follows every fill is a duplicate) changes no status.
    if (update.outcome === OrderOutcome.APPLIED) refreshOrderTicker(state, event.clientOrderId);
    return;
  }
  if (settledCorrection(state, event, out)) return;
  const update = applyExecution(state.orders, event);
  logNotices(update.notices, event.ts, out);
  if (update.strategy !== null) {
    for (const execution of update.removed) portfolio.reverseExecution(state.portfolio, update.strategy, execution);
    for (const execution of update.added) portfolio.applyExecution(state.portfolio, update.strategy, execution);
    // The first execution in a ticker creates its positions: the engine's slot for the ticker must see them.
    for (const execution of update.added) refreshTickerSlot(state, execution.ticker);
  }
  // Working shares, position and (at a first fill) mark of the ticker may all have moved. The order manager refuses
  // an execution whose ticker is not its order's, and a refused one changed nothing, so its ticker is the one.
  refreshWorkingPart(state, event.execution.ticker);
}

/**
 * A correction of an execution the portfolio no longer holds: the day roll settled its flat position
 * (`settleFlatPositions`) while the order manager, which keeps orders finished in the last 24 hours, would still take
 * it. Neither can apply it then (the portfolio cannot reverse what it dropped), so it is refused before the order
 * manager changes and logged as an error for reconciliation with the broker. True when refused.
 */
function settledCorrection(state: EngineState, event: ExecutionReported, out: EngineCommand[]): boolean {
  const execution = event.execution;
  const target = correctionTarget(state.orders, execution);
  if (target === null) return false;
  const strategy = state.orders.orders.get(execution.clientOrderId)!.request.strategy;
  if (portfolio.holdsExecution(state.portfolio, strategy, target)) return false;
  out.push(
    logRecord(
      event.ts,
      'error',
      'EXECUTION_CORRECTION_SETTLED',
      `correction ${execution.executionId} of execution ${target.executionId} (order ${execution.clientOrderId}) ` +
        'not applied: that execution was settled at the day roll; reconcile the position with the broker',
      {
        executionId: execution.executionId,
        correctsExecutionId: target.executionId,
        clientOrderId: execution.clientOrderId,
        ticker: execution.ticker,
        strategy,
      },
    ),
  );
  return true;
}

/** Re-reads the working exposure of an order's ticker; an order the manager does not know changed nothing. */
function refreshOrderTicker(state: EngineState, clientOrderId: ClientOrderId): void {
  const record = state.orders.orders.get(clientOrderId);
  if (record !== undefined) refreshWorkingPart(state, record.request.ticker);
}
