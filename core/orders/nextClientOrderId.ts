import { clientOrderId, type ClientOrderId, type StrategyId } from '../trading/ids.js';
import type { OrderManagerState } from './OrderManagerState.js';

/** A new local order id `<strategy>-<n>`: `n` counts up per strategy from 1 and is kept in the state. */
export function nextClientOrderId(state: OrderManagerState, strategy: StrategyId): ClientOrderId {
  const sequence = (state.sequences[strategy] ?? 0) + 1;
  state.sequences[strategy] = sequence;
  return clientOrderId(`${strategy}-${sequence}`);
}
