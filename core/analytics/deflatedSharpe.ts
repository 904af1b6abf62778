import { checkArgument } from './errors.js';
import { normalQuantileUnchecked } from './normalQuantile.js';
import { probabilisticSharpe, type SharpeEstimate } from './probabilisticSharpe.js';

/** The Euler-Mascheroni constant gamma. */
export const EULER_MASCHERONI = 0.5772156649015329;

/**
 * Expected maximum Sharpe ratio of `trials` independent trials whose true Sharpe ratios are all zero and whose
 * estimates have variance `trialSharpeVariance`: SR0 = sqrt(V) ((1 - gamma) Phi^-1(1 - 1/N) + gamma Phi^-1(1 - 1/(N e))),
 * Bailey and Lopez de Prado, "The Deflated Sharpe Ratio", Journal of Portfolio Management 40(5), 2014.
 * Units follow V: pass the variance of per-period Sharpe ratios to get a per-period SR0. One trial gives 0 (no
 * selection: the formula itself tends to minus infinity there, being an asymptotic approximation).
 */
export function expectedMaxSharpe(trials: number, trialSharpeVariance: number): number {
  checkArgument('trials', trials, Number.isInteger(trials) && trials >= 1, 'an integer of at least 1');
  checkArgument(
    'trialSharpeVariance',
    trialSharpeVariance,
    trialSharpeVariance >= 0 && Number.isFinite(trialSharpeVariance),
    'finite and non-negative',
  );
  if (trials === 1) return 0;
  const first = normalQuantileUnchecked(1 - 1 / trials);
  const second = normalQuantileUnchecked(1 - 1 / (trials * Math.E));
  return Math.sqrt(trialSharpeVariance) * ((1 - EULER_MASCHERONI) * first + EULER_MASCHERONI * second);
}

/**
 * Deflated Sharpe ratio DSR = PSR(SR0) with SR0 = expectedMaxSharpe(trials, trialSharpeVariance): the probability
 * that the selected strategy's true Sharpe ratio is positive after correcting for the best-of-N selection, short
 * samples and non-normal returns (Bailey and Lopez de Prado 2014). All Sharpe values per period.
 */
export function deflatedSharpe(estimate: SharpeEstimate, trials: number, trialSharpeVariance: number): number {
  return probabilisticSharpe(estimate, expectedMaxSharpe(trials, trialSharpeVariance));
}
