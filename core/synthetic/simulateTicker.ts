import { allocateBatch, type BarBatch } from '../data/BarBatch.js';
import type { Random } from '../random/Random.js';
import { FULL_SESSION_MINUTES } from './intradayShape.js';
import type { MarketPath } from './simulateMarket.js';
import type { SessionGrid } from './sessionGrid.js';
import type { SyntheticParameters } from './SyntheticParameters.js';
import type { TickerProfile } from './tickerProfile.js';

const MINUTE_MS = 60_000;

function toCents(logPrice: number): number {
  return Math.max(0.01, Math.round(Math.exp(logPrice) * 100) / 100);
}

/**
 * Simulates one ticker on the grid and aggregates its steps into bars.
 *
 * Each step's log return is `beta * market + idiosyncratic`, the idiosyncratic part with its own GARCH(1,1)
 * state. A step's high and low are drawn from the exact distribution of the maximum and minimum of a
 * Brownian bridge between its two end points, so bars are consistent by construction: the open is the
 * previous close, and the high and low bound every price the path visited.
 */
export function simulateTicker(
  profile: TickerProfile,
  random: Random,
  grid: SessionGrid,
  market: MarketPath,
  parameters: SyntheticParameters,
): BarBatch {
  const p = parameters;
  const stepsPerMinute = MINUTE_MS / grid.stepMs;
  const persistence = Math.pow(p.garchPersistence, 1 / stepsPerMinute);
  const alpha = p.garchAlpha / stepsPerMinute;
  const garchBeta = persistence - alpha;
  const nightAlpha = p.overnightGarchAlpha;
  const nightBeta = p.overnightGarchPersistence - nightAlpha;
  const stepsPerSession = FULL_SESSION_MINUTES * stepsPerMinute;
  const beta = profile.beta;
  const idiosyncraticVariance = (profile.idiosyncraticVol * profile.idiosyncraticVol) / stepsPerSession;
  const marketVariance = (p.marketIntradayVol * p.marketIntradayVol) / stepsPerSession;
  const meanStepVariance = beta * beta * marketVariance + idiosyncraticVariance;
  const overnightVol = profile.idiosyncraticVol * p.idiosyncraticOvernightRatio;
  const stepVolume = profile.dailyVolume / stepsPerSession;
  const noise = p.volumeNoise;
  const noiseMeanShift = (noise * noise) / 2;
  const moveShare = p.volumeMoveSensitivity;
  const levelVariance =
    (p.volumeLevelShock * p.volumeLevelShock) / (1 - p.volumeLevelPersistence * p.volumeLevelPersistence);

  const batch = allocateBatch(profile.ticker, grid.barMs, grid.totalBars);
  let logPrice = Math.log(profile.startPrice);
  let garch = 1;
  let volumeLevel = Math.sqrt(levelVariance) * random.nextNormal();
  let t = 0;
  let bar = 0;
  for (let d = 0; d < grid.sessions.length; d++) {
    if (d > 0) {
      const closedDays = 1 + p.extraVariancePerClosedDay * (grid.daysSincePrevious[d]! - 1);
      const news = random.nextFloat() < p.newsProbability ? p.newsMultiplier : 1;
      const z = news * random.nextNormal();
      logPrice += beta * market.overnightReturn[d]! + overnightVol * Math.sqrt(garch * closedDays) * z;
      garch = 1 - nightAlpha - nightBeta + (nightAlpha * z * z + nightBeta) * garch;
      volumeLevel = p.volumeLevelPersistence * volumeLevel + p.volumeLevelShock * random.nextNormal();
    }
    const dayVolume = stepVolume * Math.exp(volumeLevel - levelVariance / 2);
    const shape = grid.shapes[d]!;
    const steps = grid.stepCounts[d]!;
    const openMs = grid.sessions[d]!.openMs;
    // Intraday, a bar opens at the previous bar's close, so only the first open of a session needs rounding.
    let openCents = toCents(logPrice);
    for (let j = 0; j < steps; bar++) {
      let high = logPrice;
      let low = logPrice;
      let volume = 0;
      batch.ts[bar] = openMs + j * grid.stepMs;
      for (let k = 0; k < grid.stepsPerBar; k++, j++, t++) {
        const seasonal = shape.variance[j]!;
        const ownVariance = idiosyncraticVariance * garch * seasonal;
        const z = random.nextNormal();
        const move = beta * market.stepReturn[t]! + Math.sqrt(ownVariance) * z;
        const variance = beta * beta * market.stepVariance[t]! + ownVariance;
        const end = logPrice + move;
        const squaredMove = move * move;
        // Brownian bridge extremes: P(max > m) = exp(-2 (m - a)(m - b) / variance), solved for m.
        high = Math.max(
          high,
          0.5 * (logPrice + end + Math.sqrt(squaredMove - 2 * variance * Math.log(1 - random.nextFloat()))),
        );
        low = Math.min(
          low,
          0.5 * (logPrice + end - Math.sqrt(squaredMove - 2 * variance * Math.log(1 - random.nextFloat()))),
        );
        const activity = Math.sqrt(variance / (meanStepVariance * seasonal));
        const surprise = 1 - moveShare + (moveShare * squaredMove) / variance;
        volume +=
          dayVolume * shape.volume[j]! * activity * surprise * Math.exp(noise * random.nextNormal() - noiseMeanShift);
        garch = 1 - alpha - garchBeta + (alpha * z * z + garchBeta) * garch;
        logPrice = end;
      }
      const closeCents = toCents(logPrice);
      batch.open[bar] = openCents;
      batch.high[bar] = toCents(high);
      batch.low[bar] = toCents(low);
      batch.close[bar] = closeCents;
      openCents = closeCents;
      batch.volume[bar] = Math.max(1, Math.round(volume));
    }
  }
  return batch;
}
