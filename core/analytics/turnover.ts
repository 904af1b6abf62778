import { checkEquity } from './dailyReturns.js';
import { checkArgument } from './errors.js';

/**
 * Daily turnover: traded notional (sum of |fill price x quantity| over every fill, both the opening and the closing
 * leg, in dollars) / average session-close equity / number of sessions (equity.length - 1). Opening and closing a
 * position worth the whole equity once a day gives 2. NaN with no session.
 */
export function turnover(tradedNotional: number, equity: ArrayLike<number>): number {
  checkArgument(
    'tradedNotional',
    tradedNotional,
    tradedNotional >= 0 && Number.isFinite(tradedNotional),
    'finite and non-negative',
  );
  checkEquity(equity);
  const sessions = equity.length - 1;
  if (sessions === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < equity.length; i++) sum += equity[i];
  return tradedNotional / (sum / equity.length) / sessions;
}
