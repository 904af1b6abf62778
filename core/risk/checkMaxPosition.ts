import { toDollars, type Micros } from '../money/money.js';
import { capAt, floorDiv } from './findings.js';
import { addsRisk, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Max position: the resulting position in the order's ticker (working orders included) may be worth at most
 * `max_position_pct` of equity at the last price: `maxShares = floor(floor(max_position_pct x equity) / price)`.
 * Resizes down to the largest quantity that fits (`maxShares - sign x effectivePosition`, never less than the
 * reducing part), rejects when that is 0.
 */
export function checkMaxPosition(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  if (!addsRisk(view)) return null;
  const price = view.price as Micros;
  const maxValue = Math.floor(limits.max_position_pct * context.equity);
  const maxShares = floorDiv(maxValue, price);
  const allowed = maxShares - view.sign * view.effectivePosition;
  if (view.quantity <= allowed) return null;
  return capAt(view, allowed, RiskCode.MAX_POSITION, {
    effectivePosition: view.effectivePosition,
    maxShares,
    price: toDollars(price),
    maxPositionValue: toDollars(maxValue as Micros),
    quantityChecked: view.quantity,
  });
}
