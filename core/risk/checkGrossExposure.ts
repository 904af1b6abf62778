import { toDollars, type Micros } from '../money/money.js';
import { capAt, floorDiv } from './findings.js';
import { addsRisk, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Max gross exposure: `sum |effective position| x price` over all tickers after the order (working orders counted
 * as filled; the order's ticker at the last price, the others at their marks) may be at most
 * `max_gross_exposure_pct` of equity. The order's ticker may hold `floor((limit - otherGross) / price)` shares;
 * resizes down to fit (never below the reducing part), rejects when nothing fits.
 */
export function checkGrossExposure(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  if (!addsRisk(view)) return null;
  const price = view.price as Micros;
  const maxGross = Math.floor(limits.max_gross_exposure_pct * context.equity);
  const maxShares = floorDiv(maxGross - view.otherGross, price);
  const allowed = maxShares - view.sign * view.effectivePosition;
  if (view.quantity <= allowed) return null;
  return capAt(view, allowed, RiskCode.MAX_GROSS_EXPOSURE, {
    otherGross: toDollars(view.otherGross as Micros),
    maxGross: toDollars(maxGross as Micros),
    effectivePosition: view.effectivePosition,
    maxShares,
    price: toDollars(price),
    quantityChecked: view.quantity,
  });
}
