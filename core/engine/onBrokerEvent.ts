import { applyExecution, applyOrderStatus, toLogRecord, type OrderNotice } from '../orders/index.js';
import * as portfolio from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { ExecutionReported, OrderStatusReported } from '../trading/events.js';
import type { EngineState } from './EngineState.js';
import { refreshTickerSlot } from './tickerSlots.js';

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
    logNotices(applyOrderStatus(state.orders, event).notices, event.ts, out);
    return;
  }
  const update = applyExecution(state.orders, event);
  logNotices(update.notices, event.ts, out);
  if (update.strategy === null) return;
  for (const execution of update.removed) portfolio.reverseExecution(state.portfolio, update.strategy, execution);
  for (const execution of update.added) portfolio.applyExecution(state.portfolio, update.strategy, execution);
  // The first execution in a ticker creates its positions: the engine's slot for the ticker must see them.
  for (const execution of update.added) refreshTickerSlot(state, execution.ticker);
}
