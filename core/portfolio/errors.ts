import { AppError } from '../AppError.js';

/** Error codes of the portfolio (all are broken invariants: the caller passed something impossible). */
export const PortfolioCode = {
  PORTFOLIO_UNKNOWN_STRATEGY: 'PORTFOLIO_UNKNOWN_STRATEGY',
  PORTFOLIO_UNKNOWN_EXECUTION: 'PORTFOLIO_UNKNOWN_EXECUTION',
  PORTFOLIO_INVALID_EXECUTION: 'PORTFOLIO_INVALID_EXECUTION',
  PORTFOLIO_INVALID_AMOUNT: 'PORTFOLIO_INVALID_AMOUNT',
} as const;
export type PortfolioCode = (typeof PortfolioCode)[keyof typeof PortfolioCode];

/** A strategy with no book in this portfolio. */
export class UnknownStrategyError extends AppError {
  constructor(strategy: string) {
    super(PortfolioCode.PORTFOLIO_UNKNOWN_STRATEGY, `strategy ${strategy} has no book in the portfolio`);
  }
}

/** A reversal of an execution the book does not hold. */
export class UnknownExecutionError extends AppError {
  constructor(strategy: string, ticker: string, executionId: string) {
    super(
      PortfolioCode.PORTFOLIO_UNKNOWN_EXECUTION,
      `cannot reverse execution ${executionId}: the ${ticker} position of strategy ${strategy} does not hold it`,
    );
  }
}

/** An execution with impossible numbers. */
export class InvalidExecutionError extends AppError {
  constructor(executionId: string, problem: string) {
    super(PortfolioCode.PORTFOLIO_INVALID_EXECUTION, `execution ${executionId}: ${problem}`);
  }
}

/** A cash amount or price that is not whole micro-dollars in range. */
export class InvalidAmountError extends AppError {
  constructor(what: string, value: number) {
    super(PortfolioCode.PORTFOLIO_INVALID_AMOUNT, `${what} must be whole micro-dollars, was ${value}`);
  }
}
