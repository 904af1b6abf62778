import { checkFinite } from './errors.js';

/** Sample statistics of a return series. */
export interface ReturnMoments {
  /** Number of returns. */
  readonly count: number;
  /** Arithmetic mean (NaN when empty). */
  readonly mean: number;
  /** Sample standard deviation with n - 1 (NaN below 2 returns; exactly 0 when all returns are equal). */
  readonly std: number;
  /** Skewness m3 / m2^1.5 with population moments (NaN below 2 returns or when all are equal). */
  readonly skewness: number;
  /** Kurtosis m4 / m2^2 with population moments, not excess: 3 for a normal (NaN as skewness). */
  readonly kurtosis: number;
}

/**
 * Mean, sample standard deviation, skewness and (non-excess) kurtosis of `returns`, two-pass for accuracy. The
 * moments m_k = mean((r - mean)^k) are the ones Bailey and Lopez de Prado use in the probabilistic Sharpe ratio.
 */
export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  checkFinite('returns', returns);
  const n = returns.length;
  if (n === 0) return { count: 0, mean: Number.NaN, std: Number.NaN, skewness: Number.NaN, kurtosis: Number.NaN };
  let sum = 0;
  let min = returns[0];
  let max = returns[0];
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    sum += r;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  const mean = sum / n;
  if (n < 2) return { count: n, mean, std: Number.NaN, skewness: Number.NaN, kurtosis: Number.NaN };
  // Equal values have zero spread by definition; comparing them avoids a rounding-sized std from the mean.
  if (min === max) return { count: n, mean, std: 0, skewness: Number.NaN, kurtosis: Number.NaN };
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const std = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { count: n, mean, std, skewness: m3 / Math.pow(m2, 1.5), kurtosis: m4 / (m2 * m2) };
}
