import { AnalyticsErrorCode, AnalyticsInputError, checkFinite } from './errors.js';

/** Daily P&L in dollars, E_t - E_(t-1), from a session-close equity series: one fewer value than `equity`. */
export function dailyPnl(equity: ArrayLike<number>): Float64Array {
  if (equity.length === 0) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_INVALID_ARGUMENT,
      'equity must hold at least the initial equity, was empty',
    );
  }
  checkFinite('equity', equity);
  const pnl = new Float64Array(equity.length - 1);
  for (let t = 1; t < equity.length; t++) pnl[t - 1] = equity[t] - equity[t - 1];
  return pnl;
}
