import { toDollars, type Micros } from '../money/money.js';
import { evaluateTradingState } from './evaluateTradingState.js';
import { reduceOnly } from './findings.js';
import type { OrderView } from './OrderView.js';
import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskFinding } from './RiskDecision.js';
import type { RiskLimits } from './RiskLimits.js';
import { TradingState } from './TradingState.js';

const severity = { ACTIVE: 0, REDUCING: 1, HALTED: 2 } as const;

/**
 * Trading state: REDUCING or HALTED let only risk-reducing orders (or their reducing part) pass. The state is the
 * stricter of the engine's and the one `evaluateTradingState` gives now, so a loss limit breached since the last
 * bar (by a fill) already binds; the code is the breached limit when there is one.
 */
export function checkTradingState(view: OrderView, context: RiskContext, limits: RiskLimits): RiskFinding | null {
  const verdict = evaluateTradingState(context, limits);
  const held = context.tradingState;
  const state = severity[verdict.state] >= severity[held] ? verdict.state : held;
  if (state === TradingState.ACTIVE) return null;
  const code =
    verdict.state === state && verdict.code !== null
      ? verdict.code
      : state === TradingState.HALTED
        ? RiskCode.TRADING_HALTED
        : RiskCode.TRADING_REDUCING;
  return reduceOnly(view, code, {
    tradingState: state,
    equity: dollars(context.equity),
    dayStartEquity: dollars(context.dayStartEquity),
    weekStartEquity: dollars(context.weekStartEquity),
    peakEquity: dollars(context.peakEquity),
  });
}

const dollars = (micros: Micros): number | null => (Number.isFinite(micros) ? toDollars(micros) : null);
