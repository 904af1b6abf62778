import { checkArgument } from './errors.js';
import { SESSIONS_PER_YEAR } from './sharpeRatio.js';
import { totalReturn } from './totalReturn.js';

/**
 * Compound annual growth rate (E_last / E_first)^(periodsPerYear / n) - 1 over n = equity.length - 1 sessions.
 * NaN when there is no session (a single equity value).
 */
export function annualizedReturn(equity: ArrayLike<number>, periodsPerYear: number = SESSIONS_PER_YEAR): number {
  checkArgument('periodsPerYear', periodsPerYear, periodsPerYear > 0 && Number.isFinite(periodsPerYear), 'positive');
  const growth = totalReturn(equity) + 1;
  const sessions = equity.length - 1;
  if (sessions === 0) return Number.NaN;
  return Math.pow(growth, periodsPerYear / sessions) - 1;
}
