import type { EffectiveTotals } from '../risk/index.js';
import type { EngineState } from './EngineState.js';
import { slotIndex, tickerSlot, type SlotIndex, type TickerSlot } from './tickerSlots.js';

/**
 * What the working orders of one ticker add to the portfolio's totals when counted as if filled (the risk checks'
 * "effective" position): with `held` the account position and `shares` the working shares at mark `m`, gross
 * `(|held + shares| - |held|) x m`, net `shares x m`, and the change in the count of open positions.
 */
export interface WorkingPart {
  /** Signed working shares in the ticker, all strategies (buys positive); 0 when nothing works there. */
  shares: number;
  gross: number;
  net: number;
  positions: number;
  /** Worked without a mark: the effective totals cannot be valued while any ticker is in this state. */
  unmarked: boolean;
}

/** The working parts summed over every worked ticker, and how many of those have no mark. */
export interface WorkingSum {
  gross: number;
  net: number;
  positions: number;
  unmarked: number;
}

/**
 * The totals the risk checks judge an order by (`RiskContext.totals`): the portfolio's running gross, net and open
 * count plus the working parts, or undefined while a worked ticker has no mark (the checks then add up every
 * position themselves). O(1): summing the worked tickers on each check cost about a microsecond with the twenty
 * or so tickers a busy book works, and the benchmark checks 140,000 orders.
 *
 * Exact, not approximate: marks are positive whole micro-dollars and quantities whole shares (`markPrice` and
 * `applyExecution` refuse anything else), so every part and every running sum is a whole number below 2^53 and
 * adding and later subtracting a part leaves no residue. `workingExposure.property.test.ts` compares the result
 * with a sum over every ticker from scratch after each event of random sequences, restores included.
 */
export function effectiveTotals(state: EngineState): EffectiveTotals | undefined {
  const sum = workingSum(state);
  if (sum.unmarked > 0) return undefined;
  const portfolio = state.portfolio;
  return {
    gross: portfolio.grossExposure + sum.gross,
    net: portfolio.marketValue + sum.net,
    positions: portfolio.openPositions + sum.positions,
  };
}

/**
 * `effectiveTotals(state).positions` without building the totals (asked for every signal in a flat ticker), or
 * undefined exactly when `effectiveTotals` is: the count of tickers held or worked, working orders counted as
 * filled, which is what `checkMaxPositions` compares with `max_positions`.
 */
export function effectivePositionCount(state: EngineState): number | undefined {
  const sum = workingSum(state);
  return sum.unmarked > 0 ? undefined : state.portfolio.openPositions + sum.positions;
}

/**
 * Re-reads the working part of `ticker` after its working shares, its account position or its mark may have
 * changed. The engine calls it wherever that happens: an order registered or cancelled, a broker report, a bar
 * close in a worked ticker (`refreshWorkedMark`). Before the sum is first asked for there is nothing to keep.
 */
export function refreshWorkingPart(state: EngineState, ticker: string): void {
  const index = slotIndex(state);
  if (index.exposure !== null) updatePart(state, index.exposure, tickerSlot(state, ticker), ticker);
}

/**
 * `refreshWorkingPart` for a bar close, given the slot at hand: only a worked ticker's part depends on its mark,
 * and most bars close in tickers where nothing works, which this tells without a lookup by name.
 */
export function refreshWorkedMark(state: EngineState, slot: TickerSlot, ticker: string): void {
  if (slot.working.shares === 0) return;
  const exposure = slotIndex(state).exposure;
  if (exposure !== null) updatePart(state, exposure, slot, ticker);
}

/** The working sum of `state`, summed from scratch over the worked tickers the first time a new index is asked. */
function workingSum(state: EngineState): WorkingSum {
  const index: SlotIndex = slotIndex(state);
  if (index.exposure !== null) return index.exposure;
  const sum: WorkingSum = { gross: 0, net: 0, positions: 0, unmarked: 0 };
  index.exposure = sum;
  const worked = state.orders.workedTickers;
  for (let i = 0; i < worked.length; i++) updatePart(state, sum, tickerSlot(state, worked[i]!), worked[i]!);
  return sum;
}

/** Takes the slot's old part out of the sum and puts its part as the state holds it now in. */
function updatePart(state: EngineState, sum: WorkingSum, slot: TickerSlot, ticker: string): void {
  const part = slot.working;
  sum.gross -= part.gross;
  sum.net -= part.net;
  sum.positions -= part.positions;
  if (part.unmarked) sum.unmarked -= 1;
  const shares = state.orders.workingByTicker[ticker] ?? 0;
  const mark = state.portfolio.marks[ticker];
  part.shares = shares;
  part.unmarked = shares !== 0 && mark === undefined;
  if (shares === 0 || mark === undefined) {
    part.gross = part.net = part.positions = 0;
    if (part.unmarked) sum.unmarked += 1;
    return;
  }
  const held = state.portfolio.positions[ticker]?.quantity ?? 0;
  const after = held + shares;
  part.gross = (Math.abs(after) - Math.abs(held)) * mark;
  part.net = shares * mark;
  part.positions = (after !== 0 ? 1 : 0) - (held !== 0 ? 1 : 0);
  sum.gross += part.gross;
  sum.net += part.net;
  sum.positions += part.positions;
}
