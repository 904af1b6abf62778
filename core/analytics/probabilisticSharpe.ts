import { checkArgument } from './errors.js';
import { normalCdf } from './normalCdf.js';
import { returnMoments } from './returnMoments.js';

/** A Sharpe ratio measured on a return series, per period (not annualized), with the moments PSR needs. */
export interface SharpeEstimate {
  /** mean / sample std of the per-period returns (daily returns: divide an annualized Sharpe by sqrt(252)). */
  readonly sharpe: number;
  /** Number of returns T. */
  readonly observations: number;
  /** Skewness gamma3 of the returns. */
  readonly skewness: number;
  /** Kurtosis gamma4 of the returns, not excess (3 for normal returns). */
  readonly kurtosis: number;
}

/** The per-period Sharpe estimate of a return series (sample std; population skewness and kurtosis). */
export function sharpeEstimate(returns: ArrayLike<number>): SharpeEstimate {
  const moments = returnMoments(returns);
  return {
    sharpe: moments.std > 0 ? moments.mean / moments.std : Number.NaN,
    observations: moments.count,
    skewness: moments.skewness,
    kurtosis: moments.kurtosis,
  };
}

/**
 * Probabilistic Sharpe ratio PSR(SR*) = Phi((SR - SR*) sqrt(T - 1) / sqrt(1 - gamma3 SR + (gamma4 - 1) / 4 SR^2)):
 * the probability that the true Sharpe ratio exceeds the benchmark `benchmarkSharpe` (same per-period units), from
 * Bailey and Lopez de Prado, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), 2012 (the
 * variance term is Mertens' 2002 asymptotic variance of the Sharpe estimator). NaN when an input is NaN or the
 * variance term is not positive (inconsistent moments). Throws when T < 2.
 */
export function probabilisticSharpe(estimate: SharpeEstimate, benchmarkSharpe: number): number {
  const { sharpe, observations, skewness, kurtosis } = estimate;
  checkArgument(
    'observations',
    observations,
    Number.isInteger(observations) && observations >= 2,
    'an integer of at least 2',
  );
  const variance = 1 - skewness * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
  if (!(variance > 0) || Number.isNaN(benchmarkSharpe)) return Number.NaN;
  return normalCdf(((sharpe - benchmarkSharpe) * Math.sqrt(observations - 1)) / Math.sqrt(variance));
}
