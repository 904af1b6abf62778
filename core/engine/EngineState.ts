import type { RiskConfig } from '../../config/risk.js';
import type { Micros } from '../money/money.js';
import type { OrderManagerState } from '../orders/index.js';
import type { PortfolioState } from '../portfolio/index.js';
import type { TradingState } from '../risk/index.js';
import type { StrategyId } from '../trading/ids.js';

/** Per-ticker market memory: last close and an exponentially weighted variance of bar returns. */
export interface TickerMemory {
  lastClose: number;
  /** EWMA of squared simple returns (per bar). */
  variance: number;
  /** Returns seen, for the warm-up of the variance. */
  returns: number;
  /** EWMA of the absolute quantity of orders sent, for the size fat-finger check (0 = none yet). */
  typicalQuantity: number;
}

/**
 * Everything the engine knows, as data: `serializeEngine` it at any event boundary and `restoreEngine` continues
 * exactly where it stopped (this is how the live process recovers). Plain data but for the order manager's id
 * tables, which are `Map`s (see `OrderManagerState`), so save it with `serializeEngine`, not `JSON.stringify`.
 */
export interface EngineState {
  readonly version: 1;
  /** Time of the latest event (UTC ms); the engine's only notion of now. */
  now: number;
  risk: RiskConfig;
  readonly strategies: readonly StrategyId[];
  /** Bars per year for annualizing volatility (252 sessions x bars per session). */
  readonly barsPerYear: number;
  orders: OrderManagerState;
  portfolio: PortfolioState;
  tradingState: TradingState;
  killSwitch: boolean;
  /**
   * The kill switch was engaged with `flatten`: a standing instruction while it stays engaged, carried out by the
   * time rules on every bar and timer (as the drawdown stop's flatten is), because a flatten that first has to
   * cancel a working order sends nothing until the broker confirms. Absent in states saved before it was kept.
   */
  killSwitchFlatten?: boolean;
  /**
   * The drawdown stop tripped with `flatten_on_max_drawdown`: flatten on every bar and timer while the state stays
   * HALTED, whether or not the drawdown is still breached. A flatten that first has to cancel a working order sends
   * nothing until the broker confirms, and equity that recovers meanwhile must not leave the rest open. Absent in
   * states saved before it was kept.
   */
  drawdownFlatten?: boolean;
  /**
   * Entries into flat tickers are being skipped because `max_positions` tickers are held or worked
   * (`entriesPaused.ts`); kept so the pause and its end are each logged once. Absent in states saved before it was
   * kept.
   */
  entriesPaused?: boolean;
  /** New York day (yyyymmdd) and ISO week (yyyyww) of the latest event, with the equity they started at. */
  day: number;
  dayStartEquity: Micros;
  week: number;
  weekStartEquity: Micros;
  peakEquity: Micros;
  /** Event times of orders sent in the last minute (rate limit). */
  recentOrders: number[];
  tickers: Record<string, TickerMemory>;
  /** Model each strategy runs, for the log. */
  models: Record<string, string>;
}
