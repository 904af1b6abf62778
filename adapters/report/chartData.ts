import type { BacktestArtifact } from '../../core/experiment/contracts.js';
import { drawdownSeries } from './drawdownSeries.js';
import { ReportDataInvalidError } from './errors.js';

/** The series the page draws, embedded in the report as JSON (column arrays, the shape uPlot takes). */
export interface ChartData {
  /** Session days, `YYYY-MM-DD`. */
  readonly days: readonly string[];
  /** Each day's 00:00 UTC in epoch seconds (uPlot's time axis; the page draws it in UTC so the day never shifts). */
  readonly x: readonly number[];
  /** Equity at each session close, dollars. */
  readonly equity: readonly number[];
  /** Drawdown from the running peak, a fraction <= 0. */
  readonly drawdown: readonly number[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Equity and drawdown columns from the backtest's daily equity; throws REPORT_DATA_INVALID on a malformed day. */
export function chartData(equity: BacktestArtifact['equity']): ChartData {
  const x = equity.map(({ day }, i) => {
    const match = DAY.exec(day);
    const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    if (!match || new Date(ms).toISOString().slice(0, 10) !== day) {
      throw new ReportDataInvalidError(`backtest equity[${i}].day must be a calendar day YYYY-MM-DD, was "${day}"`);
    }
    if (i > 0 && day <= equity[i - 1].day) {
      throw new ReportDataInvalidError(
        `backtest equity days must increase, equity[${i}].day "${day}" follows "${equity[i - 1].day}"`,
      );
    }
    return ms / 1000;
  });
  const values = equity.map((point) => point.equity);
  return { days: equity.map((point) => point.day), x, equity: values, drawdown: drawdownSeries(values) };
}
