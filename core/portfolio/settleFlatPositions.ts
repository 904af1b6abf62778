import type { PortfolioState } from './PortfolioState.js';

/**
 * Drops the execution history of every flat book position, keeping its realized P&L and commissions as the base
 * a later rebuild starts from, so a long backtest or session does not keep every execution; returns how many
 * positions were settled. Executions dropped this way can no longer be reversed, so settle only when late
 * corrections are no longer expected (after the session).
 */
export function settleFlatPositions(state: PortfolioState): number {
  let settled = 0;
  for (const strategy in state.books) {
    const positions = state.books[strategy]!.positions;
    for (const ticker in positions) {
      const position = positions[ticker]!;
      if (position.quantity !== 0 || position.executions.length === 0) continue;
      position.executions = [];
      position.settledRealizedPnl = position.realizedPnl;
      position.settledCommissions = position.commissions;
      settled += 1;
    }
  }
  return settled;
}
