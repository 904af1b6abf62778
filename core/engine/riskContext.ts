import { equity } from '../portfolio/index.js';
import type { EffectiveTotals, RiskContext } from '../risk/index.js';
import { sessionAt } from './calendarKeys.js';
import type { EngineState } from './EngineState.js';
import { tickerSlot } from './tickerSlots.js';

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
 * fill and `markPrice` takes only positive whole prices), so the context brings the totals over all tickers and
 * the position of the order's ticker alone, instead of a copy of every position for the checks to add up.
 */
export function buildRiskContext(state: EngineState, ticker: string, ts: number): RiskContext {
  pruneRecentOrders(state, ts);
  const portfolio = state.portfolio;
  const slot = tickerSlot(state, ticker);
  const memory = slot.memory;
  const working = state.orders.workingByTicker;
  const totals = effectiveTotals(state, working);
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
    positions: totals === undefined ? heldPositions(state) : held === 0 ? NOTHING : { [ticker]: held },
    openOrderQuantity: working,
    marks: portfolio.marks,
    lastPrice: portfolio.marks[ticker] ?? null,
    typicalQuantity: memory && memory.typicalQuantity > 0 ? memory.typicalQuantity : null,
    recentOrderTs: state.recentOrders,
    totals,
  };
}

/**
 * The portfolio's totals with the working orders counted as if filled: only the few worked tickers change.
 * Undefined (the checks then add up every position) if a worked ticker has no mark to value it by.
 */
function effectiveTotals(state: EngineState, working: Readonly<Record<string, number>>): EffectiveTotals | undefined {
  const portfolio = state.portfolio;
  let gross: number = portfolio.grossExposure;
  let net: number = portfolio.marketValue;
  let positions = portfolio.openPositions;
  const worked = state.orders.workedTickers;
  const marks = portfolio.marks;
  const heldByTicker = portfolio.positions;
  for (let i = 0; i < worked.length; i++) {
    const name = worked[i]!;
    const extra = working[name]!;
    if (extra === 0) continue;
    const mark = marks[name];
    if (mark === undefined) return undefined;
    const held = heldByTicker[name]?.quantity ?? 0;
    const after = held + extra;
    gross += (Math.abs(after) - Math.abs(held)) * mark;
    net += extra * mark;
    positions += (after !== 0 ? 1 : 0) - (held !== 0 ? 1 : 0);
  }
  return { gross, net, positions };
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
