import { checkArgument, checkFinite } from './errors.js';
import { SESSIONS_PER_YEAR } from './sharpeRatio.js';

/**
 * Annualized Sortino ratio mean(r) / DD * sqrt(periodsPerYear), with the target downside deviation
 * DD = sqrt(mean(min(r, 0)^2)) taken over all returns (returns above the target count as zero), target 0: the
 * convention of Sortino and Price (1994) as spelled out in Rollinger and Hoffman, "Sortino: a 'sharper' ratio"
 * (Red Rock Capital, 2013). NaN with fewer than 2 returns; when no return is negative (DD = 0) it is Infinity if
 * the mean is positive and NaN if every return is zero.
 */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear: number = SESSIONS_PER_YEAR): number {
  checkArgument('periodsPerYear', periodsPerYear, periodsPerYear > 0 && Number.isFinite(periodsPerYear), 'positive');
  checkFinite('returns', returns);
  const n = returns.length;
  if (n < 2) return Number.NaN;
  let sum = 0;
  let downside = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    sum += r;
    if (r < 0) downside += r * r;
  }
  const mean = sum / n;
  if (downside === 0) return mean > 0 ? Infinity : Number.NaN;
  return (mean / Math.sqrt(downside / n)) * Math.sqrt(periodsPerYear);
}
