import type { SimBrokerState } from './SimBrokerState.js';

/** Number of orders still working (submitted, not yet filled, cancelled or rejected). */
export function workingOrderCount(state: SimBrokerState): number {
  let count = 0;
  for (const ticker in state.working) count += state.working[ticker].length;
  return count;
}
