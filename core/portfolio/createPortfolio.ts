import type { Micros } from '../money/money.js';
import { ZERO_MICROS } from '../money/money.js';
import type { StrategyId } from '../trading/ids.js';
import { InvalidAmountError, UnknownStrategyError } from './errors.js';
import type { Book, PortfolioState } from './PortfolioState.js';

/** A portfolio holding `initialCash` and an empty book per strategy. */
export function createPortfolio(initialCash: Micros, strategies: readonly StrategyId[]): PortfolioState {
  if (!Number.isSafeInteger(initialCash)) throw new InvalidAmountError('initial cash', initialCash);
  const state: PortfolioState = {
    initialCash,
    cash: initialCash,
    books: {},
    positions: {},
    marks: {},
    marketValue: ZERO_MICROS,
    grossExposure: ZERO_MICROS,
    costBasis: ZERO_MICROS,
    realizedPnl: ZERO_MICROS,
    commissions: ZERO_MICROS,
    openPositions: 0,
  };
  for (const strategy of strategies) addStrategy(state, strategy);
  return state;
}

/** Adds an empty book for a strategy (a strategy added after a restore); does nothing if it has one. */
export function addStrategy(state: PortfolioState, strategy: StrategyId): void {
  state.books[strategy] ??= { positions: {}, realizedPnl: ZERO_MICROS, commissions: ZERO_MICROS };
}

/** The book of a strategy; throws `UnknownStrategyError` if it has none. */
export function bookOf(state: PortfolioState, strategy: StrategyId): Book {
  const book = state.books[strategy];
  if (book === undefined) throw new UnknownStrategyError(strategy);
  return book;
}
