import { entryCutoffMinutes } from './entryCutoffMinutes.js';
import { reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';

const MS_PER_MINUTE = 60_000;

/**
 * No new entries in the last N minutes of the session (N = `entryCutoffMinutes`): from `closeMs - N minutes`
 * inclusive, only risk-reducing orders, or their reducing part, pass. With 15 minutes and a 16:00 close an entry
 * at 15:44:59.999 passes and one at 15:45:00 does not. N = 0 turns the window off; without a session this check
 * has nothing to say (`checkSessionHours` covers it).
 */
export function checkEntryWindow(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const { session, ts } = context;
  const minutes = entryCutoffMinutes(limits);
  if (session === null || minutes === 0 || ts < session.closeMs - minutes * MS_PER_MINUTE) return null;
  return reduceOnly(view, RiskCode.NO_NEW_ENTRIES, {
    minutesToClose: (session.closeMs - ts) / MS_PER_MINUTE,
    windowMinutes: minutes,
  });
}
