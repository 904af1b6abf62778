import { RiskCode } from './RiskCode.js';
import type { RiskContext } from './RiskContext.js';
import type { RiskLimits } from './RiskLimits.js';
import { TradingState } from './TradingState.js';

/** The trading state the loss limits call for, and why. */
export interface TradingStateVerdict {
  readonly state: TradingState;
  /**
   * The limit breached now (`RISK_MAX_DRAWDOWN`, `RISK_DAILY_LOSS_LIMIT`, `RISK_WEEKLY_LOSS_LIMIT`), else the code
   * of the state carried over (`RISK_TRADING_HALTED`, `RISK_TRADING_REDUCING`), `RISK_INVALID_CONTEXT` for equity
   * that is not a number, or null when ACTIVE.
   */
  readonly code: RiskCode | null;
  /** Close every position now: the hard stop is breached and `flatten_on_max_drawdown` is on. */
  readonly flatten: boolean;
}

/**
 * The part of a `RiskContext` the loss limits read: the engine passes just these on every bar rather than a
 * whole context.
 */
export type LossLimitInputs = Pick<
  RiskContext,
  'equity' | 'dayStartEquity' | 'weekStartEquity' | 'peakEquity' | 'tradingState'
>;

const verdict = (state: TradingState, code: RiskCode | null, flatten: boolean): TradingStateVerdict =>
  Object.freeze({ state, code, flatten });

// Every possible verdict, built once: the engine calls this on every bar.
const ACTIVE = verdict(TradingState.ACTIVE, null, false);
const STILL_REDUCING = verdict(TradingState.REDUCING, RiskCode.TRADING_REDUCING, false);
const STILL_HALTED = verdict(TradingState.HALTED, RiskCode.TRADING_HALTED, false);
const DAILY = verdict(TradingState.REDUCING, RiskCode.DAILY_LOSS_LIMIT, false);
const WEEKLY = verdict(TradingState.REDUCING, RiskCode.WEEKLY_LOSS_LIMIT, false);
const DRAWDOWN = verdict(TradingState.HALTED, RiskCode.MAX_DRAWDOWN, false);
const DRAWDOWN_FLATTEN = verdict(TradingState.HALTED, RiskCode.MAX_DRAWDOWN, true);
const INVALID = verdict(TradingState.HALTED, RiskCode.INVALID_CONTEXT, false);

/**
 * Evaluates the daily loss limit, the weekly loss limit and the drawdown hard stop against `context` and returns
 * the state the engine must be in. A limit is breached when the loss from its base (day start, week start, peak)
 * is positive and at least its fraction of that base; a base of zero or less disables that limit.
 * Precedence: drawdown (HALTED) > HALTED carried over > daily loss > weekly loss (REDUCING) > REDUCING carried
 * over > ACTIVE. States are sticky here: the engine resets REDUCING to ACTIVE when a new session starts, and only
 * an operator resets HALTED. Equity that is not a finite number halts (fail closed).
 */
export function evaluateTradingState(context: LossLimitInputs, limits: RiskLimits): TradingStateVerdict {
  const { equity, dayStartEquity, weekStartEquity, peakEquity, tradingState } = context;
  if (!Number.isFinite(equity + dayStartEquity + weekStartEquity + peakEquity)) return INVALID;
  if (breached(peakEquity, equity, limits.max_drawdown_pct)) {
    return limits.flatten_on_max_drawdown ? DRAWDOWN_FLATTEN : DRAWDOWN;
  }
  if (tradingState === TradingState.HALTED) return STILL_HALTED;
  if (breached(dayStartEquity, equity, limits.daily_loss_limit_pct)) return DAILY;
  if (breached(weekStartEquity, equity, limits.weekly_loss_limit_pct)) return WEEKLY;
  return tradingState === TradingState.REDUCING ? STILL_REDUCING : ACTIVE;
}

function breached(base: number, equity: number, fraction: number): boolean {
  const loss = base - equity;
  return base > 0 && loss > 0 && loss >= fraction * base;
}
