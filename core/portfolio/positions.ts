import type { StrategyId } from '../trading/ids.js';
import { bookOf } from './createPortfolio.js';
import type { PortfolioState } from './PortfolioState.js';

/** Signed shares held in a ticker by the account, or by one strategy's book. */
export function positionQuantity(state: PortfolioState, ticker: string, strategy?: StrategyId): number {
  if (strategy === undefined) return state.positions[ticker]?.quantity ?? 0;
  return bookOf(state, strategy).positions[ticker]?.quantity ?? 0;
}

/** Tickers in which the account holds shares (strategies netted: a long and an equal short make no position). O(1). */
export function openPositionCount(state: PortfolioState): number {
  return state.openPositions;
}

/** Average cost per share in micro-dollars (fractional; for display and sizing only), or `null` when flat. */
export function averageCost(state: PortfolioState, ticker: string, strategy?: StrategyId): number | null {
  const position = strategy === undefined ? state.positions[ticker] : bookOf(state, strategy).positions[ticker];
  if (position === undefined || position.quantity === 0) return null;
  return position.costBasis / position.quantity;
}
