import type { Micros } from '../money/money.js';
import type { StrategyId } from '../trading/ids.js';
import { bookOf } from './createPortfolio.js';
import type { PortfolioState } from './PortfolioState.js';

/** Cash plus every position at its mark: what the account is worth now. O(1). */
export function equity(state: PortfolioState): Micros {
  return (state.cash + state.marketValue) as Micros;
}

/**
 * What one strategy has earned: its realized plus unrealized P&L minus its commissions. Books hold no cash of
 * their own (cash is the account's), so this is the book's P&L, not a share of equity; the books' values sum to
 * `equity - initialCash`. O(tickers the book has traded).
 */
export function bookEquity(state: PortfolioState, strategy: StrategyId): Micros {
  const book = bookOf(state, strategy);
  let total = book.realizedPnl - book.commissions;
  for (const ticker in book.positions) {
    const position = book.positions[ticker]!;
    if (position.quantity !== 0) total += position.quantity * (state.marks[ticker] ?? 0) - position.costBasis;
  }
  return total as Micros;
}
