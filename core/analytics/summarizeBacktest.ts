import { annualizedReturn } from './annualizedReturn.js';
import { averageTradeBars } from './averageTradeBars.js';
import { calmarRatio } from './calmarRatio.js';
import { dailyReturns } from './dailyReturns.js';
import { checkArgument } from './errors.js';
import { averageExposure, timeInMarket, type ExposureTally } from './ExposureTally.js';
import { maxDrawdown } from './maxDrawdown.js';
import { profitFactor } from './profitFactor.js';
import { SESSIONS_PER_YEAR, sharpeRatio } from './sharpeRatio.js';
import { sortinoRatio } from './sortinoRatio.js';
import { totalReturn } from './totalReturn.js';
import type { TradeRecord } from './TradeRecord.js';
import { turnover } from './turnover.js';
import { winRate } from './winRate.js';

/** What a backtest run hands to analytics. Money in dollars. */
export interface BacktestRecord {
  /** Account equity at each session close, starting with the initial equity (so sessions = length - 1). */
  readonly equity: ArrayLike<number>;
  /** Closed round trips. */
  readonly trades: readonly TradeRecord[];
  /** Per-bar exposure sums (createExposureTally, then recordExposure at every bar). */
  readonly exposure: ExposureTally;
  /** Sum of |fill price x quantity| over every fill, opening and closing legs. */
  readonly tradedNotional: number;
  /** Commissions and slippage paid on every fill, including fills of positions still open at the end. */
  readonly costs: number;
  /** Sessions per year for annualizing; 252 when absent. */
  readonly periodsPerYear?: number;
}

/** The headline numbers of a backtest, keyed as the CLI and the report print them. NaN where undefined. */
export interface BacktestSummary {
  /** Annualized Sharpe of daily returns (sharpeRatio). */
  readonly sharpe: number;
  /** Annualized Sortino of daily returns (sortinoRatio). */
  readonly sortino: number;
  /** Maximum drawdown depth, a fraction of the peak. */
  readonly max_drawdown: number;
  /** Longest drawdown in sessions, peak to recovery or to the end. */
  readonly max_drawdown_sessions: number;
  /** Annualized return / maximum drawdown. */
  readonly calmar: number;
  /** Share of winning trades. */
  readonly win_rate: number;
  /** Gross profit / gross loss of trades. */
  readonly profit_factor: number;
  /** Mean bars held per trade. */
  readonly avg_trade_bars: number;
  /** Average gross position value / equity over bars. */
  readonly exposure: number;
  /** Share of bars with an open position. */
  readonly time_in_market: number;
  /** Traded notional / average equity per session. */
  readonly turnover: number;
  /** Commissions and slippage paid, dollars. */
  readonly costs: number;
  /** Number of closed trades. */
  readonly trades: number;
  /** Final / initial equity - 1. */
  readonly total_return: number;
  /** Compound annual growth rate. */
  readonly annualized_return: number;
  /** Sessions covered (daily returns). */
  readonly sessions: number;
}

/** Every headline metric of one backtest in a single object (see each metric's function for its definition). */
export function summarizeBacktest(record: BacktestRecord): BacktestSummary {
  const periodsPerYear = record.periodsPerYear ?? SESSIONS_PER_YEAR;
  checkArgument('costs', record.costs, record.costs >= 0 && Number.isFinite(record.costs), 'finite and non-negative');
  const returns = dailyReturns(record.equity);
  const drawdown = maxDrawdown(record.equity);
  return {
    sharpe: sharpeRatio(returns, periodsPerYear),
    sortino: sortinoRatio(returns, periodsPerYear),
    max_drawdown: drawdown.depth,
    max_drawdown_sessions: drawdown.sessions,
    calmar: calmarRatio(record.equity, periodsPerYear),
    win_rate: winRate(record.trades),
    profit_factor: profitFactor(record.trades),
    avg_trade_bars: averageTradeBars(record.trades),
    exposure: averageExposure(record.exposure),
    time_in_market: timeInMarket(record.exposure),
    turnover: turnover(record.tradedNotional, record.equity),
    costs: record.costs,
    trades: record.trades.length,
    total_return: totalReturn(record.equity),
    annualized_return: annualizedReturn(record.equity, periodsPerYear),
    sessions: returns.length,
  };
}
