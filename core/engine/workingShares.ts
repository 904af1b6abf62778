import { openQuantity } from '../orders/index.js';
import type { StrategyId } from '../trading/ids.js';
import type { EngineState } from './EngineState.js';

/**
 * Signed shares still to fill on a strategy's working orders in `ticker` (buys positive). Orders come only from
 * the engine's strategies, so with a single strategy every working order is its own and the order manager's
 * running sum per ticker answers without a pass over the working orders (asked at every signal).
 */
export function workingShares(state: EngineState, ticker: string, strategy: StrategyId): number {
  if (state.strategies.length === 1 && state.strategies[0] === strategy) {
    // `workedTickers` lists the keys of the sums: when it is empty no lookup by name is needed (most bars).
    const orders = state.orders;
    return orders.workedTickers.length === 0 ? 0 : (orders.workingByTicker[ticker] ?? 0);
  }
  return openQuantity(state.orders, ticker, strategy);
}
