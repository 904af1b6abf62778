import type { StrategyId } from '../trading/ids.js';
import type { Execution } from '../trading/types.js';
import { bookOf } from './createPortfolio.js';
import type { PortfolioState } from './PortfolioState.js';

/**
 * True when a strategy's book still holds `execution` (by id) in its ticker's history, so `reverseExecution` can
 * undo it; false once it was settled away (`settleFlatPositions`) or never booked. O(history of that ticker).
 */
export function holdsExecution(state: PortfolioState, strategy: StrategyId, execution: Execution): boolean {
  const history = bookOf(state, strategy).positions[execution.ticker]?.executions;
  if (history === undefined) return false;
  for (let index = history.length - 1; index >= 0; index--) {
    if (history[index]!.executionId === execution.executionId) return true;
  }
  return false;
}
