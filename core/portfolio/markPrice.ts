import type { Micros } from '../money/money.js';
import { InvalidAmountError } from './errors.js';
import type { PortfolioState } from './PortfolioState.js';

/** Sets the last price of a ticker and revalues its aggregate position in O(1). Throws for a price that is not positive whole micro-dollars. */
export function markPrice(state: PortfolioState, ticker: string, price: Micros): void {
  if (!Number.isSafeInteger(price) || price <= 0) throw new InvalidAmountError(`the price of ${ticker}`, price);
  const quantity = state.positions[ticker]?.quantity ?? 0;
  if (quantity !== 0) {
    const change = price - (state.marks[ticker] ?? 0);
    state.marketValue = (state.marketValue + quantity * change) as Micros;
    state.grossExposure = (state.grossExposure + Math.abs(quantity) * change) as Micros;
  }
  state.marks[ticker] = price;
}
