import { toMicros } from '../money/money.js';
import { equity, positionQuantity } from '../portfolio/index.js';
import { checkSignalOutput, type SignalOutput } from '../signals/index.js';
import { targetQuantity } from '../sizing/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { SignalReceived } from '../trading/events.js';
import type { StrategyId } from '../trading/ids.js';
import { entriesPaused } from './entriesPaused.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { orderTowards } from './orderFlow.js';
import { tickerSlot } from './tickerSlots.js';
import { workingShares } from './workingShares.js';

/**
 * A strategy's signal for a ticker: size it (`base_size * |signal| * confidence`, capped; volatility-targeted when
 * configured) into a target position and move towards it through the risk manager. Signals are never orders.
 */
export function onSignalReceived(state: EngineState, event: SignalReceived, out: EngineCommand[]): void {
  actOnSignal(state, event.ts, event.strategy, event.ticker, event.output, out);
}

/**
 * True while the engine may only reduce risk: a loss limit, the drawdown stop or the kill switch holds. The kill
 * switch is the operator's (`KillSwitchSet`) or the risk limits' own (`kill_switch`, as checkKillSwitch reads it).
 */
function onlyReducing(state: EngineState): boolean {
  return state.killSwitch || state.risk.limits.kill_switch || state.tradingState !== 'ACTIVE';
}

/**
 * True while the engine may only reduce risk and its only strategy holds nothing and works nothing: no signal can
 * then lead to an order, whatever its ticker. Only with one strategy, whose book is the account: with several,
 * books can offset each other in a flat account and each still has a position to reduce.
 */
export function nothingToReduce(state: EngineState): boolean {
  return (
    onlyReducing(state) &&
    state.strategies.length === 1 &&
    state.portfolio.openPositions === 0 &&
    state.orders.working.length === 0
  );
}

/** Logs an unusable signal (and returns false); true for a valid one. */
export function acceptSignal(ts: number, ticker: string, output: SignalOutput, out: EngineCommand[]): boolean {
  try {
    checkSignalOutput(output);
    return true;
  } catch (error) {
    out.push(logRecord(ts, 'error', 'SIGNAL_INVALID', (error as Error).message, { ticker }));
    return false;
  }
}

/** The work of one signal, shared by `SignalReceived` and each entry of `SignalsReceived`. */
export function actOnSignal(
  state: EngineState,
  ts: number,
  strategy: StrategyId,
  ticker: string,
  output: SignalOutput,
  out: EngineCommand[],
): void {
  if (!state.strategies.includes(strategy)) {
    out.push(logRecord(ts, 'error', 'SIGNAL_UNKNOWN_STRATEGY', `no strategy "${strategy}"`, { strategy }));
    return;
  }
  if (!acceptSignal(ts, ticker, output, out)) return;
  // Nothing to reduce anywhere: the goal is zero and the position is zero, so not even the price is needed (a halted
  // backtest spends most of its bars here).
  if (nothingToReduce(state)) return;
  const slot = tickerSlot(state, ticker);
  const memory = slot.memory;
  if (!memory) {
    out.push(logRecord(ts, 'warn', 'SIGNAL_NO_PRICE', `no bar seen yet for ${ticker}`, { ticker }));
    return;
  }
  // The only strategy's book position is in the slot; with several strategies the book is looked up by name.
  const position =
    state.strategies.length === 1 ? (slot.book?.quantity ?? 0) : positionQuantity(state.portfolio, ticker, strategy);
  const working = workingShares(state, ticker, strategy);
  const current = position + working;
  // While a loss limit, the drawdown stop or the kill switch holds, aim only at reducing: the risk manager would
  // refuse anything else anyway, and not asking keeps one refusal per signal out of the log. Flat (net of working
  // orders) there is nothing to reduce, so the goal is zero whatever the size: skip the sizing, which cannot fail
  // here (the price is a close `markPrice` took, equity a sum of whole numbers).
  const reducing = onlyReducing(state);
  if (reducing && current === 0) return;
  // Flat with nothing working: an entry, which the risk manager would refuse at max positions (entriesPaused.ts).
  if (position === 0 && working === 0 && entriesPaused(state, ts, out)) return;
  const sizing = state.risk.sizing;
  const warm = memory.returns >= sizing.volatility_target.lookback_bars;
  const target = targetQuantity({
    signal: output.signal,
    confidence: output.confidence,
    price: toMicros(memory.lastClose),
    equity: equity(state.portfolio),
    sizing,
    volatility: sizing.volatility_target.enabled && warm ? Math.sqrt(memory.variance) : null,
    barsPerYear: state.barsPerYear,
  });
  const goal = reducing ? reduceOnly(target, current) : target;
  if (withinBand(goal, current, sizing.rebalance_band_pct)) return;
  orderTowards(state, strategy, ticker, goal, position, working, null, ts, out);
}

/** The part of a move from `current` to `target` that only reduces: towards zero, never through it. */
function reduceOnly(target: number, current: number): number {
  if (current === 0 || Math.sign(target) !== Math.sign(current)) return 0;
  return Math.sign(current) * Math.min(Math.abs(target), Math.abs(current));
}

/** True for a resize of an existing position by less than `band` of the target: not worth an order. */
function withinBand(goal: number, current: number, band: number): boolean {
  if (goal === current) return true;
  if (goal === 0 || current === 0 || Math.sign(goal) !== Math.sign(current)) return false;
  return Math.abs(goal - current) < band * Math.abs(goal);
}
