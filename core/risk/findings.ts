import { addsRisk, type OrderView } from './OrderView.js';
import type { RiskCode } from './RiskCode.js';
import type { Denial, Resize, RiskDetails, RiskFinding } from './RiskDecision.js';

/** A REJECT finding. */
export const deny = (code: RiskCode, context: RiskDetails): Denial => ({ outcome: 'REJECT', code, context });

/** A RESIZE finding down to `quantity` (> 0). */
export const resize = (quantity: number, code: RiskCode, context: RiskDetails): Resize => ({
  outcome: 'RESIZE',
  quantity,
  code,
  context,
});

/**
 * For a gate that is closed to new risk: null when the order only reduces, a RESIZE down to the reducing part when
 * it crosses through zero, a REJECT when all of it is new risk. Call it only when the gate is closed.
 */
export function reduceOnly(view: OrderView, code: RiskCode, context: RiskDetails): RiskFinding | null {
  if (!addsRisk(view)) return null;
  const reducing = view.reducibleQuantity;
  return reducing > 0 ? resize(reducing, code, { ...context, reducingQuantity: reducing }) : deny(code, context);
}

/**
 * For a limit that allows at most `allowed` shares (the reducing part always allowed): null when the order fits,
 * a RESIZE down to `allowed`, or a REJECT when nothing fits.
 */
export function capAt(view: OrderView, allowed: number, code: RiskCode, context: RiskDetails): RiskFinding | null {
  const cap = Math.max(allowed, view.reducibleQuantity);
  if (view.quantity <= cap) return null;
  return cap > 0 ? resize(cap, code, context) : deny(code, context);
}

/**
 * `floor(numerator / denominator)` exactly, for integers below 2^53 and a positive denominator. The float quotient
 * is right for the sizes seen here; the integer correction guards the limits against a quotient rounded up to the
 * next integer near 2^53, which would overshoot a limit by one share.
 */
export function floorDiv(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  if (quotient * denominator > numerator) quotient -= 1;
  else if ((quotient + 1) * denominator <= numerator) quotient += 1;
  return quotient;
}
