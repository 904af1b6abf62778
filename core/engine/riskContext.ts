import type { Micros } from '../money/money.js';
import { equity } from '../portfolio/index.js';
import type { RiskContext } from '../risk/index.js';
import { Side } from '../trading/types.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';

const MINUTE_MS = 60_000;
// Also what a flat account without working orders passes for positions and working quantities: a halted strategy
// checks (and is refused) every signal in that state, so it allocates nothing for them.
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
  return accountContext(state, ts, NOTHING, NOTHING, NOTHING, null, null);
}

/** The full view the risk manager judges an order in `ticker` by, built from the engine state at time `ts`. */
export function buildRiskContext(state: EngineState, ticker: string, ts: number): RiskContext {
  pruneRecentOrders(state, ts);
  const memory = state.tickers[ticker];
  const marks = state.portfolio.marks;
  return accountContext(
    state,
    ts,
    heldPositions(state),
    workingQuantities(state),
    marks,
    marks[ticker] ?? null,
    memory && memory.typicalQuantity > 0 ? memory.typicalQuantity : null,
  );
}

// One literal with every field in the same order, so all contexts share one shape (no spread: it is slow and
// would give approval and account contexts different hidden classes).
function accountContext(
  state: EngineState,
  ts: number,
  positions: RiskContext['positions'],
  openOrderQuantity: RiskContext['openOrderQuantity'],
  marks: RiskContext['marks'],
  lastPrice: Micros | null,
  typicalQuantity: number | null,
): RiskContext {
  return {
    ts,
    session: sessionAt(ts),
    equity: equity(state.portfolio),
    dayStartEquity: state.dayStartEquity,
    weekStartEquity: state.weekStartEquity,
    peakEquity: state.peakEquity,
    tradingState: state.tradingState,
    killSwitch: state.killSwitch,
    positions,
    openOrderQuantity,
    marks,
    lastPrice,
    typicalQuantity,
    recentOrderTs: state.recentOrders,
  };
}

/**
 * A prototype-less object, which V8 keeps as a hash table from the start. Ticker keys arrive in a different order
 * at each order, and an ordinary object would build (and later collect) a new hidden class for each such order:
 * measured at about half a microsecond per key.
 */
function dictionary(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/**
 * Non-zero account positions by ticker, in the portfolio's key order. The portfolio counts its non-zero positions,
 * so the scan stops at the last of them and is skipped when flat (a halted strategy checks every signal while
 * flat, and the position map holds every ticker ever traded).
 */
function heldPositions(state: EngineState): Readonly<Record<string, number>> {
  let left = state.portfolio.openPositions;
  if (left === 0) return NOTHING;
  const positions = dictionary();
  const held = state.portfolio.positions;
  for (const name in held) {
    const quantity = held[name]!.quantity;
    if (quantity === 0) continue;
    positions[name] = quantity;
    if (--left === 0) break;
  }
  return positions;
}

/**
 * Signed shares still to fill per ticker over all working orders (as `openQuantity` of each ticker, in one pass),
 * keyed in the order each ticker first appears among the working orders.
 */
function workingQuantities(state: EngineState): Readonly<Record<string, number>> {
  const orders = state.orders;
  if (orders.working.length === 0) return NOTHING;
  const quantities = dictionary();
  for (const id of orders.working) {
    const record = orders.orders[id]!;
    const request = record.request;
    const rest = Math.max(0, record.quantity - record.filledQuantity);
    quantities[request.ticker] = (quantities[request.ticker] ?? 0) + (request.side === Side.BUY ? rest : -rest);
  }
  return quantities;
}
