import type { OrderManagerState } from './OrderManagerState.js';
import { shiftWorking } from './shiftWorking.js';

type WorkingSums = Pick<OrderManagerState, 'workingByTicker' | 'workedTickers'>;

/** `workingByTicker` and `workedTickers` recomputed from the working orders: for states saved before they were kept. */
export function sumWorkingByTicker(state: Omit<OrderManagerState, keyof WorkingSums>): WorkingSums {
  const sums: OrderManagerState = { ...state, workingByTicker: {}, workedTickers: [] };
  for (const id of state.working) shiftWorking(sums, state.orders.get(id)!, 0);
  return { workingByTicker: sums.workingByTicker, workedTickers: sums.workedTickers };
}
