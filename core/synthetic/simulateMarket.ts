import type { Random } from '../random/Random.js';
import { FULL_SESSION_MINUTES } from './intradayShape.js';
import type { SessionGrid } from './sessionGrid.js';
import type { SyntheticParameters } from './SyntheticParameters.js';

const MINUTE_MS = 60_000;

/** The common market factor, step by step; every ticker loads on it with its own beta. */
export interface MarketPath {
  /** Log return of the factor over each step. */
  readonly stepReturn: Float64Array;
  /** Conditional variance of each step's return (volatility regime x GARCH state x seasonality). */
  readonly stepVariance: Float64Array;
  /** Log return of the factor from the previous close to each session's open (0 for the first). */
  readonly overnightReturn: Float64Array;
}

/**
 * Simulates the market factor: a slow daily log-volatility regime (AR(1)) times a fast GARCH(1,1) state,
 * times the intraday variance seasonality, with a separate overnight draw that also shocks the GARCH state.
 */
export function simulateMarket(random: Random, grid: SessionGrid, parameters: SyntheticParameters): MarketPath {
  const p = parameters;
  const stepsPerMinute = MINUTE_MS / grid.stepMs;
  // Per-step GARCH coefficients that keep the per-minute persistence when a minute holds several steps.
  const persistence = Math.pow(p.garchPersistence, 1 / stepsPerMinute);
  const alpha = p.garchAlpha / stepsPerMinute;
  const beta = persistence - alpha;
  const nightAlpha = p.overnightGarchAlpha;
  const nightBeta = p.overnightGarchPersistence - nightAlpha;
  const baseVariance = (p.marketIntradayVol * p.marketIntradayVol) / (FULL_SESSION_MINUTES * stepsPerMinute);
  const regimeVariance = (p.regimeShock * p.regimeShock) / (1 - p.regimePersistence * p.regimePersistence);

  const stepReturn = new Float64Array(grid.totalSteps);
  const stepVariance = new Float64Array(grid.totalSteps);
  const overnightReturn = new Float64Array(grid.sessions.length);
  let regime = Math.sqrt(regimeVariance) * random.nextNormal();
  let garch = 1;
  let t = 0;
  for (let d = 0; d < grid.sessions.length; d++) {
    if (d > 0) regime = p.regimePersistence * regime + p.regimeShock * random.nextNormal();
    // exp(x - var/2) has mean 1, so the regime rescales volatility without changing its average.
    const level = Math.exp(regime - regimeVariance / 2);
    if (d > 0) {
      const closedDays = 1 + p.extraVariancePerClosedDay * (grid.daysSincePrevious[d]! - 1);
      const z = random.nextNormal();
      overnightReturn[d] = p.marketOvernightVol * Math.sqrt(level * garch * closedDays) * z;
      garch = 1 - nightAlpha - nightBeta + (nightAlpha * z * z + nightBeta) * garch;
    }
    const shape = grid.shapes[d]!.variance;
    const steps = grid.stepCounts[d]!;
    for (let j = 0; j < steps; j++, t++) {
      const variance = baseVariance * level * garch * shape[j]!;
      const z = random.nextNormal();
      stepReturn[t] = Math.sqrt(variance) * z;
      stepVariance[t] = variance;
      garch = 1 - alpha - beta + (alpha * z * z + beta) * garch;
    }
  }
  return { stepReturn, stepVariance, overnightReturn };
}
