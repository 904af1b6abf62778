import type { Micros } from '../money/money.js';
import type { Book, PortfolioState, PositionState } from './PortfolioState.js';

/** The numbers of a position before a change. */
export interface PositionSnapshot {
  readonly quantity: number;
  readonly costBasis: number;
  readonly realizedPnl: number;
  readonly commissions: number;
}

/** The numbers of a position, to diff after a change. */
export function snapshotPosition(position: PositionState): PositionSnapshot {
  const { quantity, costBasis, realizedPnl, commissions } = position;
  return { quantity, costBasis, realizedPnl, commissions };
}

/**
 * Carries the change of one book position into its book, the aggregate position and the running totals, so that
 * they always equal the sums they stand for. A ticker without a mark is valued at zero until it gets one.
 */
export function commitPosition(
  state: PortfolioState,
  book: Book,
  ticker: string,
  before: PositionSnapshot,
  position: PositionState,
): void {
  const realized = position.realizedPnl - before.realizedPnl;
  const commissions = position.commissions - before.commissions;
  const quantity = position.quantity - before.quantity;
  const cost = position.costBasis - before.costBasis;
  book.realizedPnl = (book.realizedPnl + realized) as Micros;
  book.commissions = (book.commissions + commissions) as Micros;
  state.realizedPnl = (state.realizedPnl + realized) as Micros;
  state.commissions = (state.commissions + commissions) as Micros;
  state.costBasis = (state.costBasis + cost) as Micros;
  const aggregate = (state.positions[ticker] ??= { quantity: 0, costBasis: 0 as Micros });
  const held = aggregate.quantity;
  aggregate.quantity = held + quantity;
  aggregate.costBasis = (aggregate.costBasis + cost) as Micros;
  const mark = state.marks[ticker] ?? 0;
  state.marketValue = (state.marketValue + quantity * mark) as Micros;
  state.grossExposure = (state.grossExposure + (Math.abs(aggregate.quantity) - Math.abs(held)) * mark) as Micros;
  state.openPositions += (aggregate.quantity !== 0 ? 1 : 0) - (held !== 0 ? 1 : 0);
}
