import type { Micros } from '../money/money.js';
import { openQuantity, workingOrders } from '../orders/index.js';
import type { RiskContext } from '../risk/index.js';
import { equity } from '../portfolio/index.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';

const MINUTE_MS = 60_000;
const NOTHING: Readonly<Record<string, never>> = Object.freeze({});

function pruneRecentOrders(state: EngineState, ts: number): void {
  const recent = state.recentOrders;
  let drop = 0;
  while (drop < recent.length && recent[drop]! <= ts - MINUTE_MS) drop++;
  if (drop > 0) recent.splice(0, drop);
}

/**
 * The account-level view for the loss limits and the drawdown stop, evaluated on every bar: equity and its
 * reference points only, so it costs O(1) whatever the number of tickers.
 */
export function buildAccountContext(state: EngineState, ts: number): RiskContext {
  return {
    ts,
    session: sessionAt(ts),
    equity: equity(state.portfolio),
    dayStartEquity: state.dayStartEquity,
    weekStartEquity: state.weekStartEquity,
    peakEquity: state.peakEquity,
    tradingState: state.tradingState,
    killSwitch: state.killSwitch,
    positions: NOTHING,
    openOrderQuantity: NOTHING,
    marks: NOTHING,
    lastPrice: null,
    typicalQuantity: null,
    recentOrderTs: state.recentOrders,
  };
}

/** The full view the risk manager judges an order in `ticker` by, built from the engine state at time `ts`. */
export function buildRiskContext(state: EngineState, ticker: string, ts: number): RiskContext {
  pruneRecentOrders(state, ts);
  const positions: Record<string, number> = {};
  const held = state.portfolio.positions;
  for (const name in held) {
    const quantity = held[name]!.quantity;
    if (quantity !== 0) positions[name] = quantity;
  }
  const openOrderQuantity: Record<string, number> = {};
  for (const order of workingOrders(state.orders)) {
    const name = order.request.ticker;
    if (openOrderQuantity[name] === undefined) openOrderQuantity[name] = openQuantity(state.orders, name);
  }
  const memory = state.tickers[ticker];
  return {
    ...buildAccountContext(state, ts),
    positions,
    openOrderQuantity,
    marks: state.portfolio.marks as Record<string, Micros>,
    lastPrice: state.portfolio.marks[ticker] ?? null,
    typicalQuantity: memory && memory.typicalQuantity > 0 ? memory.typicalQuantity : null,
  };
}
