import { applyExecution, applyOrderStatus, OrderOutcome, toLogRecord, type OrderNotice } from '../orders/index.js';
import * as portfolio from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { ExecutionReported, OrderStatusReported } from '../trading/events.js';
import type { ClientOrderId } from '../trading/ids.js';
import type { EngineState } from './EngineState.js';
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

/** Re-reads the working exposure of an order's ticker; an order the manager does not know changed nothing. */
function refreshOrderTicker(state: EngineState, clientOrderId: ClientOrderId): void {
  const record = state.orders.orders.get(clientOrderId);
  if (record !== undefined) refreshWorkingPart(state, record.request.ticker);
}
