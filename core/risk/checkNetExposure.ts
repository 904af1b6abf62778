import { toDollars, type Micros } from '../money/money.js';
import { capAt, floorDiv } from './findings.js';
import { addsRisk, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/**
 * Max net exposure: `|sum effective position x price|` after the order (valued as in `checkGrossExposure`) may be
 * at most `max_net_exposure_pct` of equity, on the side the order pushes: a buy may take the ticker to
 * `floor((limit - otherNet) / price)` shares, a sell to `-floor((limit + otherNet) / price)`. An order that pushes
 * net exposure back toward the range is not held to the far side. Resizes down to fit (never below the reducing
 * part), rejects when nothing fits.
 */
export function checkNetExposure(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  if (!addsRisk(view)) return null;
  const price = view.price as Micros;
  const { sign } = view;
  const maxNet = Math.floor(limits.max_net_exposure_pct * context.equity);
  // Shares the ticker may reach on the order's side, measured in that direction.
  const maxShares = floorDiv(maxNet - sign * view.otherNet, price);
  const allowed = maxShares - sign * view.effectivePosition;
  if (view.quantity <= allowed) return null;
  return capAt(view, allowed, RiskCode.MAX_NET_EXPOSURE, {
    otherNet: toDollars(view.otherNet as Micros),
    maxNet: toDollars(maxNet as Micros),
    effectivePosition: view.effectivePosition,
    maxShares: sign * maxShares,
    price: toDollars(price),
    quantityChecked: view.quantity,
  });
}
