import { checkArgument } from './errors.js';
import { returnMoments } from './returnMoments.js';

/** Trading sessions per year used to annualize daily statistics. */
export const SESSIONS_PER_YEAR = 252;

/**
 * Annualized Sharpe ratio mean(r) / std(r) * sqrt(periodsPerYear) of daily simple returns, with the sample standard
 * deviation (n - 1) and a zero risk-free rate. NaN with fewer than 2 returns or when all returns are equal (zero
 * standard deviation: the ratio is undefined, whatever the sign of the mean).
 */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear: number = SESSIONS_PER_YEAR): number {
  checkArgument('periodsPerYear', periodsPerYear, periodsPerYear > 0 && Number.isFinite(periodsPerYear), 'positive');
  const { mean, std } = returnMoments(returns);
  if (!(std > 0)) return Number.NaN;
  return (mean / std) * Math.sqrt(periodsPerYear);
}
