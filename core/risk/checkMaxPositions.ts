import { deny } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Max concurrent positions: rejects an order that would open a position (its ticker is flat, working orders
 * included) when `max_positions` tickers are already held or worked. Adding to, reducing or reversing an existing
 * position never changes the count and passes.
 */
export function checkMaxPositions(view: OrderView, _context: RiskContext, limits: RiskLimits): RiskFinding | null {
  if (view.effectivePosition !== 0 || view.otherPositions < limits.max_positions) return null;
  return deny(RiskCode.MAX_POSITIONS, { openPositions: view.otherPositions, maxPositions: limits.max_positions });
}
