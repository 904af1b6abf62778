import type { Micros } from '../money/money.js';
import type { PortfolioState } from './PortfolioState.js';

/** P&L locked in by reducing or closing positions, before commissions, over all books. O(1). */
export function realizedPnl(state: PortfolioState): Micros {
  return state.realizedPnl;
}

/** P&L of the open positions at their marks: market value minus cost basis, over all books. O(1). */
export function unrealizedPnl(state: PortfolioState): Micros {
  return (state.marketValue - state.costBasis) as Micros;
}

/** Commissions paid over all books (negative commissions, rebates, reduce it). O(1). */
export function commissionsPaid(state: PortfolioState): Micros {
  return state.commissions;
}
