import { deny, reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Max concurrent positions: rejects an order that would open a position (its ticker is flat, working orders
 * included) when `max_positions` tickers are already held or worked. Adding to, reducing or reversing an existing
 * position never changes the count and passes within the limit. Above it, only the reducing part passes: the count
 * can exceed the limit without any order adding a position (the broker cancels or rejects a working exit, which had
 * already handed its ticker back; new limits lower the maximum), and then no order may add risk until the account
 * is back within the limit, as with every other limit here.
 */
export function checkMaxPositions(view: OrderView, _context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const max = limits.max_positions;
  if (view.effectivePosition === 0) {
    if (view.otherPositions < max) return null;
    return deny(RiskCode.MAX_POSITIONS, { openPositions: view.otherPositions, maxPositions: max });
  }
  const count = view.otherPositions + 1;
  if (count <= max) return null;
  return reduceOnly(view, RiskCode.MAX_POSITIONS, { openPositions: count, maxPositions: max });
}
