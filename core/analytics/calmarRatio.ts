import { annualizedReturn } from './annualizedReturn.js';
import { maxDrawdown } from './maxDrawdown.js';
import { SESSIONS_PER_YEAR } from './sharpeRatio.js';

/**
 * Calmar ratio: annualized return (CAGR, see annualizedReturn) divided by the maximum drawdown depth, both over the
 * whole series. NaN with a single equity value; with no drawdown it is Infinity if the return is positive, NaN if
 * equity never moved.
 */
export function calmarRatio(equity: ArrayLike<number>, periodsPerYear: number = SESSIONS_PER_YEAR): number {
  const annual = annualizedReturn(equity, periodsPerYear);
  const { depth } = maxDrawdown(equity);
  if (Number.isNaN(annual)) return Number.NaN;
  if (depth === 0) return annual > 0 ? Infinity : Number.NaN;
  return annual / depth;
}
