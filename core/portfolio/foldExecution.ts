import type { Micros } from '../money/money.js';
import { ZERO_MICROS } from '../money/money.js';
import { Side, type Execution } from '../trading/types.js';
import type { PositionState } from './PortfolioState.js';

/** Shares bought (positive) or sold (negative) by an execution. */
export function signedQuantity(execution: Execution): number {
  return execution.side === Side.BUY ? execution.quantity : -execution.quantity;
}

/** A flat position with no history. */
export function emptyPosition(): PositionState {
  const zero = ZERO_MICROS;
  return {
    quantity: 0,
    costBasis: zero,
    realizedPnl: zero,
    commissions: zero,
    executions: [],
    settledRealizedPnl: zero,
    settledCommissions: zero,
  };
}

/** `round(amount * part / whole)`, half away from zero, exact for any amount below 2^53 (no overflowing product). */
function proRata(amount: number, part: number, whole: number): number {
  const quotient = Math.trunc(amount / whole);
  const remainder = amount - quotient * whole;
  const share = (remainder * part) / whole;
  return quotient * part + (share < 0 ? -Math.round(-share) : Math.round(share));
}

/**
 * Average-cost accounting of one execution, in place. Adding to a position adds its notional to the cost basis;
 * reducing it removes the pro-rata cost basis and realizes `proceeds - cost removed`, that is
 * `(price - average cost) x shares`; crossing through zero closes the whole position first and opens the rest at
 * the fill price. Commissions are counted apart.
 */
export function foldExecution(position: PositionState, execution: Execution): void {
  position.commissions = (position.commissions + execution.commission) as Micros;
  const quantity = signedQuantity(execution);
  if (quantity === 0) return;
  const price = execution.price;
  const held = position.quantity;
  if (held === 0 || held > 0 === quantity > 0) {
    position.quantity = held + quantity;
    position.costBasis = (position.costBasis + quantity * price) as Micros;
    return;
  }
  const closing = Math.min(Math.abs(quantity), Math.abs(held));
  const removed =
    closing === Math.abs(held) ? position.costBasis : proRata(position.costBasis, closing, Math.abs(held));
  const closed = quantity > 0 ? closing : -closing;
  position.realizedPnl = (position.realizedPnl - closed * price - removed) as Micros;
  const opened = quantity - closed;
  position.quantity = held + quantity;
  position.costBasis = (position.costBasis - removed + opened * price) as Micros;
}

/** Recomputes a position from its settled base and its execution history (used after a reversal or late fill). */
export function rebuildPosition(position: PositionState): void {
  position.quantity = 0;
  position.costBasis = ZERO_MICROS;
  position.realizedPnl = position.settledRealizedPnl;
  position.commissions = position.settledCommissions;
  for (const execution of position.executions) foldExecution(position, execution);
}
