import { reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';

/** Outside the regular session (`openMs <= ts < closeMs`) only risk-reducing orders, or their reducing part, pass. */
export function checkSessionHours(view: OrderView, context: RiskContext): RiskFinding | null {
  const { session, ts } = context;
  if (session !== null && ts >= session.openMs && ts < session.closeMs) return null;
  return reduceOnly(view, RiskCode.OUTSIDE_SESSION, {
    ts,
    openMs: session?.openMs ?? null,
    closeMs: session?.closeMs ?? null,
  });
}
