import { Side, type OrderRecord } from '../trading/types.js';
import type { OrderManagerState } from './OrderManagerState.js';
import { isWorking } from './transitions.js';

/** Signed shares an order still has to fill (buys positive): 0 once it stops working, or when overfilled. */
export function restOf(record: OrderRecord): number {
  if (!isWorking(record.status)) return 0;
  const rest = Math.max(0, record.quantity - record.filledQuantity);
  return record.request.side === Side.BUY ? rest : -rest;
}

/**
 * Carries the change of one order's rest (it was `before`) into `workingByTicker` and `workedTickers` (internal:
 * called wherever an order's status, quantity or filled quantity changes). Sums back at zero are removed, so the
 * map holds only the tickers actually worked and the risk context can take it as it is.
 */
export function shiftWorking(state: OrderManagerState, record: OrderRecord, before: number): void {
  const change = restOf(record) - before;
  if (change === 0) return;
  const ticker = record.request.ticker;
  const sums = state.workingByTicker;
  const was = sums[ticker] ?? 0;
  const total = was + change;
  if (total === 0) {
    delete sums[ticker];
    state.workedTickers.splice(state.workedTickers.indexOf(ticker) >>> 0, 1);
  } else {
    sums[ticker] = total;
    if (was === 0) state.workedTickers.push(ticker);
  }
}
