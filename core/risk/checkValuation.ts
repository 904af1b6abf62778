import { reduceOnly } from './findings.js';
import { addsRisk, type OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';

/**
 * New risk needs numbers to be measured: finite equity and positions (`RISK_INVALID_CONTEXT`), a positive last
 * price for the order's ticker and a mark for every other ticker held or worked (`RISK_NO_PRICE`). Without them
 * only the reducing part of the order passes: the exposure checks after this one could not bound it (fail closed).
 */
export function checkValuation(view: OrderView, context: RiskContext): RiskFinding | null {
  if (!addsRisk(view)) return null;
  if (view.invalidTicker !== null) {
    return reduceOnly(view, RiskCode.INVALID_CONTEXT, { field: 'position', ticker: view.invalidTicker });
  }
  if (!Number.isFinite(context.equity)) {
    return reduceOnly(view, RiskCode.INVALID_CONTEXT, { field: 'equity', ticker: null });
  }
  const price = view.price;
  if (price === null || !(price > 0 && Number.isFinite(price))) {
    return reduceOnly(view, RiskCode.NO_PRICE, { priceOf: 'last', ticker: view.order.ticker });
  }
  if (view.unmarkedTicker !== null) {
    return reduceOnly(view, RiskCode.NO_PRICE, { priceOf: 'mark', ticker: view.unmarkedTicker });
  }
  return null;
}
