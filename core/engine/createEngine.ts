import type { RiskConfig } from '../../config/risk.js';
import type { Micros } from '../money/money.js';
import {
  createOrderManagerState,
  orderManagerFromJson,
  orderManagerToJson,
  type OrderManagerJson,
} from '../orders/index.js';
import { createPortfolio } from '../portfolio/index.js';
import type { StrategyId } from '../trading/ids.js';
import type { EngineState } from './EngineState.js';

/** What an engine starts with. */
export interface EngineSetup {
  readonly risk: RiskConfig;
  readonly strategies: readonly StrategyId[];
  readonly initialCash: Micros;
  /** Bar size in ms, to annualize per-bar volatility for volatility targeting. */
  readonly barMs: number;
}

/** Regular-session minutes per year, the basis of `barsPerYear`. */
const SESSION_MINUTES_PER_YEAR = 252 * 390;

/** A fresh engine state: flat, ACTIVE, kill switch off. */
export function createEngine(setup: EngineSetup): EngineState {
  if (setup.strategies.length === 0) throw new Error('an engine needs at least one strategy');
  return {
    version: 1,
    now: -Infinity,
    risk: setup.risk,
    strategies: [...setup.strategies],
    barsPerYear: (SESSION_MINUTES_PER_YEAR * 60_000) / setup.barMs,
    orders: createOrderManagerState(),
    portfolio: createPortfolio(setup.initialCash, setup.strategies),
    tradingState: 'ACTIVE',
    killSwitch: setup.risk.limits.kill_switch,
    killSwitchFlatten: false,
    drawdownFlatten: false,
    entriesPaused: false,
    day: 0,
    dayStartEquity: setup.initialCash,
    week: 0,
    weekStartEquity: setup.initialCash,
    peakEquity: setup.initialCash,
    recentOrders: [],
    tickers: {},
    models: {},
  };
}

/**
 * The state as JSON text (NaN and infinities survive as the engine never stores them in state). The order
 * manager's tables are `Map`s in memory and objects in the text (`orderManagerToJson`).
 */
export function serializeEngine(state: EngineState): string {
  const plain = { ...state, orders: orderManagerToJson(state.orders) };
  return JSON.stringify(plain, (_key, value: unknown) => (value === -Infinity ? '-Infinity' : value));
}

/** Restores a state written by `serializeEngine` (one saved before the working sums were kept gets them). */
export function restoreEngine(text: string): EngineState {
  const parsed = JSON.parse(text, (_key, value: unknown) => (value === '-Infinity' ? -Infinity : value)) as Omit<
    EngineState,
    'orders'
  > & { orders: OrderManagerJson };
  return { ...parsed, orders: orderManagerFromJson(parsed.orders) };
}
