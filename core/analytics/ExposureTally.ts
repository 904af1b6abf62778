import { AnalyticsErrorCode, AnalyticsInputError } from './errors.js';

/**
 * Running sums for exposure, filled once per bar (time step) of the backtest so no per-bar array is kept. Plain
 * data: it serializes with JSON.stringify.
 */
export interface ExposureTally {
  /** Bars recorded. */
  bars: number;
  /** Bars with any open position (gross position value above zero). */
  barsInMarket: number;
  /** Sum over bars of gross position value / equity. */
  grossRatioSum: number;
}

/** An empty tally. */
export function createExposureTally(): ExposureTally {
  return { bars: 0, barsInMarket: 0, grossRatioSum: 0 };
}

/**
 * Adds one bar: `grossPositionValue` is the sum of |quantity x price| over all open positions in dollars at the
 * bar, `equity` the marked-to-market account value at the same bar. Mutates `tally`.
 */
export function recordExposure(tally: ExposureTally, grossPositionValue: number, equity: number): void {
  if (!(grossPositionValue >= 0) || !Number.isFinite(grossPositionValue) || !(equity > 0) || !Number.isFinite(equity)) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_INVALID_ARGUMENT,
      `exposure needs a finite non-negative gross position value and a finite positive equity, was ${grossPositionValue} and ${equity}`,
    );
  }
  tally.bars++;
  if (grossPositionValue > 0) tally.barsInMarket++;
  tally.grossRatioSum += grossPositionValue / equity;
}

/**
 * Adds one bar with nothing held: the same as `recordExposure(tally, 0, equity)` for a valid equity (a zero ratio
 * leaves the sum unchanged) without its checks and division; most backtest bars are flat.
 */
export function recordFlatBar(tally: ExposureTally): void {
  tally.bars++;
}

/** Exposure: average over bars of gross position value / equity (0.5 = half the equity invested on average). NaN with no bars. */
export function averageExposure(tally: ExposureTally): number {
  return tally.bars === 0 ? Number.NaN : tally.grossRatioSum / tally.bars;
}

/** Share of bars with an open position. NaN with no bars. */
export function timeInMarket(tally: ExposureTally): number {
  return tally.bars === 0 ? Number.NaN : tally.barsInMarket / tally.bars;
}

/** The tally of whole per-bar series (a loop over recordExposure). */
export function tallyExposure(grossPositionValues: ArrayLike<number>, equity: ArrayLike<number>): ExposureTally {
  if (grossPositionValues.length !== equity.length) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_LENGTH_MISMATCH,
      `gross position values and equity must have the same length, were ${grossPositionValues.length} and ${equity.length}`,
    );
  }
  const tally = createExposureTally();
  for (let i = 0; i < equity.length; i++) recordExposure(tally, grossPositionValues[i], equity[i]);
  return tally;
}
