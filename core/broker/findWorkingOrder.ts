import type { ClientOrderId } from '../trading/ids.js';
import type { SimBrokerState, SimOrder } from './SimBrokerState.js';

/** Where a working order sits: its ticker's list and its index there. */
export interface WorkingOrderSlot {
  readonly orders: SimOrder[];
  readonly index: number;
}

/** Finds a working order by client order id through `tickerOf`; null when no such order is working. */
export function findWorkingOrder(state: SimBrokerState, id: ClientOrderId): WorkingOrderSlot | null {
  const ticker = state.tickerOf.get(id);
  if (ticker === undefined) return null;
  const orders = state.working[ticker];
  if (orders === undefined) return null;
  for (let index = 0; index < orders.length; index++) {
    if (orders[index].clientOrderId === id) return { orders, index };
  }
  return null;
}
