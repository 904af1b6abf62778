import { equity } from '../portfolio/index.js';
import { evaluateTradingState, flattenDue, RiskCode } from '../risk/index.js';
import type { EngineCommand } from '../trading/commands.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { flattenAll } from './orderFlow.js';

/**
 * Rules driven by time and equity rather than by a signal: the loss limits and drawdown stop (which set the
 * trading state and may flatten), the kill switch, and flatten-before-close. Idempotent: applying them twice at the
 * same time sends nothing new, because flattening targets zero net of working orders.
 */
export function applyTimeRules(state: EngineState, ts: number, out: EngineCommand[]): void {
  const limits = state.risk.limits;
  // Only what the loss limits read: a small literal the optimizer can keep off the heap, on every bar.
  const inputs = {
    equity: equity(state.portfolio),
    dayStartEquity: state.dayStartEquity,
    weekStartEquity: state.weekStartEquity,
    peakEquity: state.peakEquity,
    tradingState: state.tradingState,
  };
  const evaluated = evaluateTradingState(inputs, limits);
  if (evaluated.state !== state.tradingState) {
    out.push(
      logRecord(
        ts,
        'warn',
        evaluated.code ?? 'RISK_TRADING_ACTIVE',
        `trading state ${state.tradingState} -> ${evaluated.state}`,
        {
          from: state.tradingState,
          to: evaluated.state,
        },
      ),
    );
    state.tradingState = evaluated.state;
  }
  const session = sessionAt(ts);
  const closeSoon = session !== null && flattenDue(ts, session, limits);
  if (evaluated.flatten || closeSoon) {
    flattenAll(state, ts, closeSoon ? RiskCode.FLATTEN_BEFORE_CLOSE : (evaluated.code ?? 'RISK_MAX_DRAWDOWN'), out);
  }
}
