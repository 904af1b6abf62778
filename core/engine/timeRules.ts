import { equity } from '../portfolio/index.js';
import type { Micros } from '../money/money.js';
import { evaluateTradingState, flattenDue, RiskCode, type LossLimitInputs } from '../risk/index.js';
import type { EngineCommand } from '../trading/commands.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { flattenAll } from './orderFlow.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Only what the loss limits read, rewritten on every bar: a literal per call was most of what a bar allocated,
// because the optimizer does not inline the evaluation here. `evaluateTradingState` reads it during the call and
// keeps nothing, and the engine never runs two calls at once, so one object serves every engine.
const LOSS_INPUTS: Mutable<LossLimitInputs> = {
  equity: 0 as Micros,
  dayStartEquity: 0 as Micros,
  weekStartEquity: 0 as Micros,
  peakEquity: 0 as Micros,
  tradingState: 'ACTIVE',
};

/**
 * Rules driven by time and equity rather than by a signal: the loss limits and drawdown stop (which set the
 * trading state; a stop that tripped with `flatten_on_max_drawdown` flattens while the state stays HALTED), the kill
 * switch (flattening while it holds, when engaged with flatten), and flatten-before-close. Idempotent: applying them
 * twice at the same time sends nothing new, because flattening targets zero net of working orders.
 */
export function applyTimeRules(state: EngineState, ts: number, out: EngineCommand[]): void {
  const limits = state.risk.limits;
  const inputs = LOSS_INPUTS;
  inputs.equity = equity(state.portfolio);
  inputs.dayStartEquity = state.dayStartEquity;
  inputs.weekStartEquity = state.weekStartEquity;
  inputs.peakEquity = state.peakEquity;
  inputs.tradingState = state.tradingState;
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
  // Kept with the HALTED it came with: an operator who resumes trading (a state no longer HALTED) calls it off.
  if (evaluated.flatten) state.drawdownFlatten = true;
  else if (state.tradingState !== 'HALTED' && state.drawdownFlatten === true) state.drawdownFlatten = false;
  // Standing instructions: the stop's flatten holds while HALTED (even once equity recovers), the kill switch's
  // while it stays engaged.
  const stopFlatten = state.drawdownFlatten === true && state.tradingState === 'HALTED';
  const killFlatten = state.killSwitch && state.killSwitchFlatten === true;
  if (stopFlatten || closeSoon || killFlatten) {
    const reason = closeSoon
      ? RiskCode.FLATTEN_BEFORE_CLOSE
      : stopFlatten
        ? RiskCode.MAX_DRAWDOWN
        : 'KILL_SWITCH_FLATTEN';
    flattenAll(state, ts, reason, out);
  }
}
