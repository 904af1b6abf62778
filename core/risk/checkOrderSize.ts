import { deny } from './findings.js';
import { addsRisk, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Fat finger on size: rejects an order that adds risk and whose quantity is more than `max_order_size_multiple`
 * times the ticker's typical order quantity (exactly at the multiple passes). The whole order is rejected, not
 * trimmed: a mistyped order is not turned into a valid one. Risk-reducing orders are exempt (a flatten of a
 * position built from many orders is large by nature, and bounded by the position); skipped when the typical
 * quantity is unknown.
 */
export function checkOrderSize(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const typical = context.typicalQuantity;
  if (typical === null || !(typical > 0) || !addsRisk(view)) return null;
  if (view.quantity <= limits.max_order_size_multiple * typical) return null;
  return deny(RiskCode.ORDER_SIZE, {
    quantity: view.quantity,
    typicalQuantity: typical,
    maxMultiple: limits.max_order_size_multiple,
  });
}
