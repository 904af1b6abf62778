import { reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

/** Kill switch (operator's or `limits.kill_switch`): only risk-reducing orders, or their reducing part, pass. */
export function checkKillSwitch(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  if (!context.killSwitch && !limits.kill_switch) return null;
  return reduceOnly(view, RiskCode.KILL_SWITCH, { source: context.killSwitch ? 'operator' : 'config' });
}
