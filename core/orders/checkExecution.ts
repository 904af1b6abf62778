import type { Execution, OrderRecord } from '../trading/types.js';

/**
 * What makes an execution impossible for its order, or `null`. Quantity 0 is allowed only for a correction (a
 * bust: the corrected execution is undone and nothing replaces it). Commissions may be negative (rebates).
 */
export function checkExecution(execution: Execution, record: OrderRecord): string | null {
  const { quantity, price, commission } = execution;
  const isCorrection = execution.correctsExecutionId !== null;
  if (!Number.isSafeInteger(quantity) || quantity < 0 || (quantity === 0 && !isCorrection)) {
    return `quantity must be a positive whole number of shares, was ${quantity}`;
  }
  if (!Number.isSafeInteger(price) || price < 0 || (price === 0 && quantity > 0)) {
    return `price must be a positive whole number of micro-dollars, was ${price}`;
  }
  if (!Number.isSafeInteger(commission)) return `commission must be whole micro-dollars, was ${commission}`;
  if (execution.ticker !== record.request.ticker || execution.side !== record.request.side) {
    return (
      `a ${execution.side} of ${execution.ticker} cannot fill an order to ` +
      `${record.request.side} ${record.request.ticker}`
    );
  }
  return null;
}
