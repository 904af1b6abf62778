import type { Micros } from '../money/money.js';
import type { StrategyId } from '../trading/ids.js';
import { Side, type Execution } from '../trading/types.js';
import { commitPosition, snapshotPosition } from './commitPosition.js';
import { bookOf } from './createPortfolio.js';
import { InvalidExecutionError } from './errors.js';
import { emptyPosition, foldExecution, rebuildPosition, signedQuantity } from './foldExecution.js';
import { markPrice } from './markPrice.js';
import type { PortfolioState } from './PortfolioState.js';

/** Throws `InvalidExecutionError` unless the execution has whole, possible numbers (0 shares: a bust correction). */
function checkExecution(execution: Execution): void {
  const { quantity, price, commission, executionId } = execution;
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw new InvalidExecutionError(executionId, `quantity must be whole shares, was ${quantity}`);
  }
  if (!Number.isSafeInteger(price) || price < 0 || (price === 0 && quantity > 0)) {
    throw new InvalidExecutionError(executionId, `price must be positive whole micro-dollars, was ${price}`);
  }
  if (!Number.isSafeInteger(commission)) {
    throw new InvalidExecutionError(executionId, `commission must be whole micro-dollars, was ${commission}`);
  }
  if (execution.side !== Side.BUY && execution.side !== Side.SELL) {
    throw new InvalidExecutionError(executionId, `side must be BUY or SELL, was ${String(execution.side)}`);
  }
}

/**
 * Books an execution to a strategy: cash falls by the signed notional and the commission, the position follows
 * average-cost accounting. Executions are kept per ticker in time order; one arriving in order (the usual case)
 * costs O(1), one older than the last is inserted in its place and the ticker's position rebuilt. The first fill
 * of a ticker never marked sets its mark. Throws for an unknown strategy or impossible numbers.
 */
export function applyExecution(state: PortfolioState, strategy: StrategyId, execution: Execution): void {
  const book = bookOf(state, strategy);
  checkExecution(execution);
  const ticker = execution.ticker;
  if (state.marks[ticker] === undefined && execution.quantity > 0) markPrice(state, ticker, execution.price);
  const position = (book.positions[ticker] ??= emptyPosition());
  const before = snapshotPosition(position);
  const history = position.executions;
  let index = history.length;
  while (index > 0 && history[index - 1]!.ts > execution.ts) index -= 1;
  if (index === history.length) {
    history.push(execution);
    foldExecution(position, execution);
  } else {
    history.splice(index, 0, execution);
    rebuildPosition(position);
  }
  commitPosition(state, book, ticker, before, position);
  state.cash = (state.cash - signedQuantity(execution) * execution.price - execution.commission) as Micros;
}
