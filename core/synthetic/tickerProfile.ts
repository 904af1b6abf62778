import { createRandom } from '../random/Random.js';
import type { SyntheticParameters } from './SyntheticParameters.js';

/** The fixed traits of one synthetic ticker. */
export interface TickerProfile {
  readonly ticker: string;
  /** First open price in dollars, whole cents. */
  readonly startPrice: number;
  /** Sensitivity to the common market factor. */
  readonly beta: number;
  /** Idiosyncratic open-to-close volatility of a full session. */
  readonly idiosyncraticVol: number;
  /** Average shares traded in a full session. */
  readonly dailyVolume: number;
}

/**
 * Traits of `ticker` under `seed`, drawn from a random stream named after the ticker alone, so that
 * adding, removing or reordering other tickers never changes them.
 */
export function tickerProfile(seed: number, ticker: string, parameters: SyntheticParameters): TickerProfile {
  const random = createRandom(seed, `profile:${ticker}`);
  const between = ([low, high]: readonly [number, number]): number => low + (high - low) * random.nextFloat();
  const logBetween = ([low, high]: readonly [number, number]): number =>
    Math.exp(between([Math.log(low), Math.log(high)]));
  return {
    ticker,
    startPrice: Math.round(logBetween(parameters.startPriceRange) * 100) / 100,
    beta: between(parameters.betaRange),
    idiosyncraticVol: between(parameters.idiosyncraticVolRange),
    dailyVolume: logBetween(parameters.dailyVolumeRange),
  };
}
