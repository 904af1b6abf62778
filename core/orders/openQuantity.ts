import type { StrategyId } from '../trading/ids.js';
import { Side } from '../trading/types.js';
import type { OrderManagerState } from './OrderManagerState.js';

/**
 * Signed shares still to fill on the working orders of `ticker` (of one strategy, or of all): buys positive,
 * sells negative. An overfilled order counts as zero. Costs one pass over the working orders, no allocation.
 */
export function openQuantity(state: OrderManagerState, ticker: string, strategy?: StrategyId): number {
  let total = 0;
  for (const id of state.working) {
    const record = state.orders.get(id)!;
    const request = record.request;
    if (request.ticker !== ticker || (strategy !== undefined && request.strategy !== strategy)) continue;
    const rest = Math.max(0, record.quantity - record.filledQuantity);
    total += request.side === Side.BUY ? rest : -rest;
  }
  return total;
}
