import { AnalyticsErrorCode, AnalyticsInputError, checkFinite } from './errors.js';

/** Throws unless `equity` is non-empty, finite and positive (a return needs a positive base). */
export function checkEquity(equity: ArrayLike<number>): void {
  if (equity.length === 0) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_INVALID_ARGUMENT,
      'equity must hold at least the initial equity, was empty',
    );
  }
  checkFinite('equity', equity);
  for (let i = 0; i < equity.length; i++) {
    if (equity[i] <= 0) {
      throw new AnalyticsInputError(
        AnalyticsErrorCode.ANALYTICS_NONPOSITIVE_EQUITY,
        `equity[${i}] must be positive to compute returns, was ${equity[i]}`,
      );
    }
  }
}

/**
 * Daily simple returns r_t = E_t / E_(t-1) - 1 of a session-close equity series (dollars, first value the initial
 * equity): one fewer value than `equity`. Throws ANALYTICS_NON_FINITE or ANALYTICS_NONPOSITIVE_EQUITY.
 */
export function dailyReturns(equity: ArrayLike<number>): Float64Array {
  checkEquity(equity);
  const returns = new Float64Array(equity.length - 1);
  for (let t = 1; t < equity.length; t++) returns[t - 1] = equity[t] / equity[t - 1] - 1;
  return returns;
}
