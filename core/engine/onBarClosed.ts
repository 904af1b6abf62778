import { toMicros, type Micros } from '../money/money.js';
import { pruneFinishedOrders } from '../orders/index.js';
import { equity, markPositionPrice, settleFlatPositions } from '../portfolio/index.js';
import type { EngineCommand } from '../trading/commands.js';
import type { BarClosed, BarsClosed } from '../trading/events.js';
import { dayKey, weekKey } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { logRecord } from './logRecord.js';
import { batchSlot, tickerSlot, type TickerSlot } from './tickerSlots.js';
import { applyTimeRules } from './timeRules.js';
import { refreshWorkedMark } from './workingExposure.js';

const DAY_MS = 86_400_000;

/**
 * A bar closed: roll the day and week (their start equity is the equity before this bar's prices), mark the
 * ticker, update its volatility estimate, then apply the risk state and the time rules.
 */
export function onBarClosed(state: EngineState, event: BarClosed, out: EngineCommand[]): void {
  rollPeriods(state, event.ts);
  markBar(state, tickerSlot(state, event.ticker), event);
  closeTime(state, event.ts, out);
}

/**
 * Bars that closed at one time: the day roll once, every bar marked, then the equity peak and the time rules once,
 * on the equity with every price of that time. A bar whose own close time is not the batch's is not applied (the
 * batch would mark it at the wrong time) and is logged as an error.
 */
export function onBarsClosed(state: EngineState, event: BarsClosed, out: EngineCommand[]): void {
  const ts = event.ts;
  rollPeriods(state, ts);
  const bars = event.bars;
  for (let b = 0; b < bars.length; b++) {
    const bar = bars[b]!;
    if (bar.ts !== ts) {
      out.push(
        logRecord(ts, 'error', 'BAR_TIME_MISMATCH', `bar of ${bar.ticker} closing at ${bar.ts} in a batch at ${ts}`, {
          ticker: bar.ticker,
          barTs: bar.ts,
        }),
      );
      continue;
    }
    markBar(state, batchSlot(state, b, bar.ticker), bar);
  }
  closeTime(state, ts, out);
}

/** Marks one bar's ticker at its close and updates the ticker's volatility estimate. */
function markBar(state: EngineState, slot: TickerSlot, bar: BarClosed): void {
  markPositionPrice(state.portfolio, bar.ticker, slot.aggregate, toMicros(bar.close));
  refreshWorkedMark(state, slot, bar.ticker);
  updateMemory(state, slot, bar.ticker, bar.close);
}

/** After the marks of a close time: raise the equity peak, then apply the risk state and the time rules. */
function closeTime(state: EngineState, ts: number, out: EngineCommand[]): void {
  const now = equity(state.portfolio);
  if (now > state.peakEquity) state.peakEquity = now;
  applyTimeRules(state, ts, out);
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
