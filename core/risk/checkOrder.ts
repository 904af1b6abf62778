import type { OrderRequest } from '../trading/types.js';
import { checkEntryWindow } from './checkEntryWindow.js';
import { checkGrossExposure } from './checkGrossExposure.js';
import { checkKillSwitch } from './checkKillSwitch.js';
import { checkMaxPosition } from './checkMaxPosition.js';
import { checkMaxPositions } from './checkMaxPositions.js';
import { checkNetExposure } from './checkNetExposure.js';
import { checkOrderRate } from './checkOrderRate.js';
import { checkOrderRequest } from './checkOrderRequest.js';
import { checkOrderSize } from './checkOrderSize.js';
import { checkPriceDeviation } from './checkPriceDeviation.js';
import { checkSessionHours } from './checkSessionHours.js';
import { checkTradingState } from './checkTradingState.js';
import { checkValuation } from './checkValuation.js';
import { viewOrder, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskDecision, RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/** One check of the pipeline: null, or a REJECT / RESIZE finding. */
export type RiskCheck = (view: OrderView, context: RiskContext, limits: RiskLimits) => RiskFinding | null;

/**
 * The checks in the order they run, after `checkOrderRequest`. Gates on new risk come first (they let the reducing
 * part through), then the fat-finger checks, then the limits that resize. The order is part of the contract: it
 * decides which code a decision reports, and resizes chain through it.
 */
export const RISK_CHECKS: readonly RiskCheck[] = Object.freeze([
  checkKillSwitch,
  checkTradingState,
  checkSessionHours,
  checkEntryWindow,
  checkOrderRate,
  checkPriceDeviation,
  checkOrderSize,
  checkValuation,
  checkMaxPositions,
  checkMaxPosition,
  checkGrossExposure,
  checkNetExposure,
]);

/**
 * Checks one order against the hard limits before it is sent. Runs `RISK_CHECKS` in order: the first REJECT
 * wins; a RESIZE lowers the quantity every later check sees. The decision is APPROVE (full quantity,
 * `RISK_APPROVED`), RESIZE (the last resize's code and details, plus `requestedQuantity`) or REJECT (quantity 0).
 * Nothing can override it; the caller sends at most `quantity` shares.
 */
export function checkOrder(order: OrderRequest, context: RiskContext, limits: RiskLimits): RiskDecision {
  const invalid = checkOrderRequest(order);
  if (invalid !== null) return { outcome: 'REJECT', quantity: 0, code: invalid.code, context: invalid.context };
  const view = viewOrder(order, context);
  let resized: RiskFinding | null = null;
  for (let i = 0; i < RISK_CHECKS.length; i++) {
    const finding = RISK_CHECKS[i]!(view, context, limits);
    if (finding === null) continue;
    if (finding.outcome === 'REJECT') {
      return { outcome: 'REJECT', quantity: 0, code: finding.code, context: finding.context };
    }
    view.quantity = finding.quantity;
    resized = finding;
  }
  if (resized === null) return { outcome: 'APPROVE', quantity: order.quantity, code: RiskCode.APPROVED, context: {} };
  return {
    outcome: 'RESIZE',
    quantity: view.quantity,
    code: resized.code,
    context: { ...resized.context, requestedQuantity: order.quantity },
  };
}
