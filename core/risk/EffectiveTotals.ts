/**
 * Sums over every ticker with a non-zero effective position (filled plus working, the order's ticker included),
 * valued at the marks: what `viewOrder` would otherwise add up ticker by ticker. A caller that keeps running totals
 * (the engine's portfolio) passes them so a check costs O(1) whatever the number of tickers held.
 */
export interface EffectiveTotals {
  /** Sum of `|effective position| x mark` (micro-dollars). */
  readonly gross: number;
  /** Sum of `effective position x mark` (micro-dollars, signed). */
  readonly net: number;
  /** Tickers with a non-zero effective position. */
  readonly positions: number;
}
