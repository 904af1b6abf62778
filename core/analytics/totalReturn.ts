import { checkEquity } from './dailyReturns.js';

/** Total simple return E_last / E_first - 1 of a positive equity series (0 for a single value). */
export function totalReturn(equity: ArrayLike<number>): number {
  checkEquity(equity);
  return equity[equity.length - 1] / equity[0] - 1;
}
