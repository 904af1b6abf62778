import type { Micros } from '../money/money.js';
import type { PortfolioState } from './PortfolioState.js';

/** Sum of |account position| x mark per ticker (positions of strategies netted first, as the broker sees them). O(1). */
export function grossExposure(state: PortfolioState): Micros {
  return state.grossExposure;
}

/** Sum of signed account position x mark per ticker (long positive). O(1). */
export function netExposure(state: PortfolioState): Micros {
  return state.marketValue;
}
