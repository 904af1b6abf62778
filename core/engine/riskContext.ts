import { equity } from '../portfolio/index.js';
import type { RiskContext } from '../risk/index.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { tickerSlot } from './tickerSlots.js';
import { effectiveTotals } from './workingExposure.js';

const MINUTE_MS = 60_000;
// The positions passed for a flat ticker (or a flat account): nothing to allocate for the commonest case.
const NOTHING: Readonly<Record<string, never>> = Object.freeze({});

function pruneRecentOrders(state: EngineState, ts: number): void {
  const recent = state.recentOrders;
  let drop = 0;
  while (drop < recent.length && recent[drop]! <= ts - MINUTE_MS) drop++;
  if (drop > 0) recent.splice(0, drop);
}

/**
 * The view the risk manager judges an order in `ticker` by, built from the engine state at time `ts`. The
 * portfolio's running totals value every held ticker (each is marked: `applyExecution` marks a ticker at its first
 * fill and `markPrice` takes only positive whole prices), and the engine keeps what the working orders add to them
 * (`workingExposure.ts`), so the context brings the totals over all tickers and the position of the order's ticker
 * alone, instead of a copy of every position for the checks to add up.
 */
export function buildRiskContext(state: EngineState, ticker: string, ts: number): RiskContext {
  pruneRecentOrders(state, ts);
  const portfolio = state.portfolio;
  const slot = tickerSlot(state, ticker);
  const memory = slot.memory;
  const working = state.orders.workingByTicker;
  const totals = effectiveTotals(state);
  const held = slot.aggregate?.quantity ?? 0;
  return {
    ts,
    session: sessionAt(ts),
    equity: equity(portfolio),
    dayStartEquity: state.dayStartEquity,
    weekStartEquity: state.weekStartEquity,
    peakEquity: state.peakEquity,
    tradingState: state.tradingState,
    killSwitch: state.killSwitch,
    positions: totals === undefined ? heldPositions(state) : held === 0 ? NOTHING : onePosition(ticker, held),
    openOrderQuantity: working,
    marks: portfolio.marks,
    lastPrice: portfolio.marks[ticker] ?? null,
    typicalQuantity: memory && memory.typicalQuantity > 0 ? memory.typicalQuantity : null,
    recentOrderTs: state.recentOrders,
    totals,
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
 * `{ [ticker]: quantity }` as a dictionary: the literal with a computed key takes a hidden-class transition per
 * ticker name, a runtime call that was most of the cost of building a context (profiled on the benchmark).
 */
function onePosition(ticker: string, quantity: number): Readonly<Record<string, number>> {
  const positions = dictionary();
  positions[ticker] = quantity;
  return positions;
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
