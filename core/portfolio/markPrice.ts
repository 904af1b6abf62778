import type { Micros } from '../money/money.js';
import { InvalidAmountError } from './errors.js';
import type { AggregatePosition, PortfolioState } from './PortfolioState.js';

/** Sets the last price of a ticker and revalues its aggregate position in O(1). Throws for a price that is not positive whole micro-dollars. */
export function markPrice(state: PortfolioState, ticker: string, price: Micros): void {
  if (!Number.isSafeInteger(price) || price <= 0) throw new InvalidAmountError(`the price of ${ticker}`, price);
  markHeldPrice(state, ticker, state.positions[ticker], price);
}

/**
 * `markPrice` for a caller that already holds the ticker's account position (`state.positions[ticker]`, undefined
 * while the ticker was never traded): the engine marks a ticker on every bar and keeps that reference at hand.
 */
export function markPositionPrice(
  state: PortfolioState,
  ticker: string,
  position: AggregatePosition | undefined,
  price: Micros,
): void {
  if (!Number.isSafeInteger(price) || price <= 0) throw new InvalidAmountError(`the price of ${ticker}`, price);
  markHeldPrice(state, ticker, position, price);
}

function markHeldPrice(
  state: PortfolioState,
  ticker: string,
  position: AggregatePosition | undefined,
  price: Micros,
): void {
  const quantity = position?.quantity ?? 0;
  if (quantity !== 0) {
    const change = price - (state.marks[ticker] ?? 0);
    state.marketValue = (state.marketValue + quantity * change) as Micros;
    state.grossExposure = (state.grossExposure + Math.abs(quantity) * change) as Micros;
  }
  state.marks[ticker] = price;
}
