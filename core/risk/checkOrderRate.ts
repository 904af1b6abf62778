import { reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/** Width of the order-rate window. */
const WINDOW_MS = 60_000;

/**
 * Order rate: when `max_orders_per_minute` orders were already sent since 60 s before `ts` (`sent > ts - 60 s`), new
 * risk is refused. Orders stamped after `ts` count too: they were sent already, so an event that reaches the engine
 * late (a signal stamped before orders other events sent) cannot slip past the limit; counting them can only refuse
 * more. Risk-reducing orders (and the reducing part of a crossing one) pass anyway so a
 * flatten always goes out; they cannot run away, because each is bounded by the position net of working orders.
 */
export function checkOrderRate(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const { recentOrderTs, ts } = context;
  let count = 0;
  for (let i = 0; i < recentOrderTs.length; i++) {
    const sent = recentOrderTs[i]!;
    if (sent > ts - WINDOW_MS) count += 1;
  }
  if (count < limits.max_orders_per_minute) return null;
  return reduceOnly(view, RiskCode.ORDER_RATE, {
    ordersInLastMinute: count,
    maxOrdersPerMinute: limits.max_orders_per_minute,
  });
}
