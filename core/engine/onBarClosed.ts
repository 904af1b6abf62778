import { toMicros, type Micros } from '../money/money.js';
import { pruneFinishedOrders } from '../orders/index.js';
import { equity, markPositionPrice, settleFlatPositions } from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { BarClosed } from '../trading/events.js';
import { dayKey, weekKey } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { tickerSlot, type TickerSlot } from './tickerSlots.js';
import { applyTimeRules } from './timeRules.js';
import { refreshWorkedMark } from './workingExposure.js';

const DAY_MS = 86_400_000;

/**
 * A bar closed: roll the day and week (their start equity is the equity before this bar's prices), mark the
 * ticker, update its volatility estimate, then apply the risk state and the time rules.
 */
export function onBarClosed(state: EngineState, event: BarClosed, out: EngineCommand[]): void {
  rollPeriods(state, event.ts);
  const slot = tickerSlot(state, event.ticker);
  markPositionPrice(state.portfolio, event.ticker, slot.aggregate, toMicros(event.close));
  refreshWorkedMark(state, slot, event.ticker);
  updateMemory(state, slot, event.ticker, event.close);
  const now = equity(state.portfolio);
  if (now > state.peakEquity) state.peakEquity = now;
  applyTimeRules(state, event.ts, out);
}

function rollPeriods(state: EngineState, ts: number): void {
  const day = dayKey(ts);
  if (day === state.day) return;
  const start: Micros = equity(state.portfolio);
  // Yesterday's finished orders and flat positions' execution histories are no longer needed for late reports:
  // dropping them keeps the state (and its serialized form) small over long runs.
  pruneFinishedOrders(state.orders, ts - DAY_MS);
  settleFlatPositions(state.portfolio);
  state.day = day;
  state.dayStartEquity = start;
  // A loss limit holds for the rest of its session only; the drawdown stop (HALTED) stays until an operator acts.
  if (state.tradingState === 'REDUCING') state.tradingState = 'ACTIVE';
  const week = weekKey(ts);
  if (week !== state.week) {
    state.week = week;
    state.weekStartEquity = start;
  }
}

function updateMemory(state: EngineState, slot: TickerSlot, ticker: string, close: number): void {
  const alpha = 2 / (state.risk.sizing.volatility_target.lookback_bars + 1);
  const memory = slot.memory;
  if (!memory) {
    slot.memory = state.tickers[ticker] = { lastClose: close, variance: 0, returns: 0, typicalQuantity: 0 };
    return;
  }
  const change = close / memory.lastClose - 1;
  memory.variance =
    memory.returns === 0 ? change * change : memory.variance + alpha * (change * change - memory.variance);
  memory.returns++;
  memory.lastClose = close;
}
