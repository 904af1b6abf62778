import type { Micros } from '../money/money.js';
import type { StrategyId } from '../trading/ids.js';
import type { Execution } from '../trading/types.js';
import { commitPosition, snapshotPosition } from './commitPosition.js';
import { bookOf } from './createPortfolio.js';
import { UnknownExecutionError } from './errors.js';
import { rebuildPosition, signedQuantity } from './foldExecution.js';
import type { PortfolioState } from './PortfolioState.js';

/**
 * Exactly undoes an execution booked to a strategy (for corrections): it leaves the ticker's history, the position
 * is rebuilt from the rest, and its cash and commission come back. Found by execution id; the numbers undone are
 * the ones booked. Throws `UnknownExecutionError` if the book does not hold it (never booked, already reversed,
 * or settled away).
 */
export function reverseExecution(state: PortfolioState, strategy: StrategyId, execution: Execution): void {
  const book = bookOf(state, strategy);
  const position = book.positions[execution.ticker];
  const history = position?.executions ?? [];
  let index = history.length - 1;
  while (index >= 0 && history[index]!.executionId !== execution.executionId) index -= 1;
  if (position === undefined || index < 0) {
    throw new UnknownExecutionError(strategy, execution.ticker, execution.executionId);
  }
  const booked = history[index]!;
  const before = snapshotPosition(position);
  history.splice(index, 1);
  rebuildPosition(position);
  commitPosition(state, book, booked.ticker, before, position);
  state.cash = (state.cash + signedQuantity(booked) * booked.price + booked.commission) as Micros;
}
