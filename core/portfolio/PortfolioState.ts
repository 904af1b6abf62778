import type { Micros } from '../money/money.js';
import type { Execution } from '../trading/types.js';

/**
 * One ticker in one strategy's book, by average cost. `costBasis` is the signed cost of the open shares (positive
 * long, negative short), kept as whole micro-dollars so every sum stays exact; the average cost is
 * `costBasis / quantity`. Realized P&L excludes commissions, which are counted apart.
 */
export interface PositionState {
  /** Signed shares (long positive). */
  quantity: number;
  costBasis: Micros;
  realizedPnl: Micros;
  commissions: Micros;
  /** The executions since the position was last settled flat, by time then arrival: the position is their fold. */
  executions: Execution[];
  /** Realized P&L and commissions from before `executions` begins (see `settleFlatPositions`). */
  settledRealizedPnl: Micros;
  settledCommissions: Micros;
}

/** A strategy's own book: its positions and what they earned and cost. */
export interface Book {
  positions: Record<string, PositionState>;
  realizedPnl: Micros;
  commissions: Micros;
}

/** The account's position in a ticker: the sum over books. */
export interface AggregatePosition {
  quantity: number;
  costBasis: Micros;
}

/**
 * The portfolio as plain data. Running totals (market value, gross exposure, cost basis, realized P&L,
 * commissions, open position count) are kept up to date by every change, so the measures cost O(1) per call.
 */
export interface PortfolioState {
  initialCash: Micros;
  cash: Micros;
  books: Record<string, Book>;
  positions: Record<string, AggregatePosition>;
  /** Last price per ticker; a ticker never marked is valued at its first fill price. */
  marks: Record<string, Micros>;
  /** Sum of aggregate quantity x mark (the net exposure). */
  marketValue: Micros;
  /** Sum of |aggregate quantity| x mark. */
  grossExposure: Micros;
  /** Sum of the cost bases of every position. */
  costBasis: Micros;
  realizedPnl: Micros;
  commissions: Micros;
  /** Tickers whose aggregate quantity is not zero. */
  openPositions: number;
}
