import { toDollars } from '../money/money.js';
import { deny } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Fat finger on price: rejects a LIMIT order whose price is farther than `max_price_deviation_pct` from the last
 * price (exactly at the limit passes). Applies to every order, risk-reducing ones too: a limit price that far off
 * is a typo or a unit bug whatever the purpose, and flattens go out as MARKET orders, which have no price to
 * check. Skipped when the last price is unknown (new risk is then refused by `checkValuation`).
 */
export function checkPriceDeviation(view: OrderView, _context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const { price } = view;
  const limitPrice = view.order.limitPrice;
  if (view.order.type !== 'LIMIT' || limitPrice === null || price === null || !(price > 0)) return null;
  const deviation = Math.abs(limitPrice - price);
  if (deviation <= limits.max_price_deviation_pct * price) return null;
  return deny(RiskCode.PRICE_DEVIATION, {
    limitPrice: toDollars(limitPrice),
    lastPrice: toDollars(price),
    deviationPct: deviation / price,
    maxDeviationPct: limits.max_price_deviation_pct,
  });
}
