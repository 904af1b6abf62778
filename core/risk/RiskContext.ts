import type { Micros } from '../money/money.js';
import type { EffectiveTotals } from './EffectiveTotals.js';
import type { TradingState } from './TradingState.js';

/** The regular session an order is checked against (from `sessionContaining` / `sessionOn` in core/calendar). */
export interface RiskSession {
  /** UTC ms of the open; the session holds `openMs <= ts < closeMs`. */
  readonly openMs: number;
  /** UTC ms of the close (13:00 New York on early-close days). */
  readonly closeMs: number;
}

/**
 * Everything the risk manager looks at besides the order and the limits: plain data the engine builds for each
 * check. Positions and working orders are aggregated over strategies and exclude the order being checked.
 */
export interface RiskContext {
  /** Event time (UTC ms) of the check. */
  readonly ts: number;
  /** The regular session containing `ts`, or null outside regular hours. */
  readonly session: RiskSession | null;
  /** Current account equity (cash + marked positions). */
  readonly equity: Micros;
  /** Equity at the start of the session, for the daily loss limit. */
  readonly dayStartEquity: Micros;
  /** Equity at the start of the week, for the weekly loss limit. */
  readonly weekStartEquity: Micros;
  /** Highest equity so far, for the drawdown hard stop. */
  readonly peakEquity: Micros;
  /** The engine's trading state (the check also re-evaluates the loss limits and uses the stricter state). */
  readonly tradingState: TradingState;
  /** Kill switch engaged by an operator (`limits.kill_switch` in the config counts too). */
  readonly killSwitch: boolean;
  /**
   * Signed filled shares per ticker (long > 0). Missing ticker = 0. With `totals` the checks read only the order's
   * ticker here and in `openOrderQuantity`, so a caller passing them may leave the other tickers out.
   */
  readonly positions: Readonly<Record<string, number>>;
  /** Signed shares of orders still working per ticker (buys > 0), counted as if filled. Missing ticker = 0. */
  readonly openOrderQuantity: Readonly<Record<string, number>>;
  /** Mark price per ticker, used to value positions in tickers other than the order's. */
  readonly marks: Readonly<Record<string, Micros>>;
  /** Last price of the order's ticker: values the order and its ticker's position; null when unknown. */
  readonly lastPrice: Micros | null;
  /** Typical order quantity of the order's ticker (e.g. median of recent orders); null when unknown. */
  readonly typicalQuantity: number | null;
  /** Send times (UTC ms) of the orders sent recently; those in the 60 s up to `ts` count toward the rate. */
  readonly recentOrderTs: readonly number[];
  /**
   * Optional precomputed sums over the effective positions. Only for a book where every ticker with a non-zero
   * effective position has a finite whole quantity and a positive whole mark, with sums below 2^53: then every
   * partial sum is exact, so subtracting the order's ticker gives the same numbers as adding up the others.
   */
  readonly totals?: EffectiveTotals;
}
