import { formatBarSize } from '../data/Bar.js';
import { formatDay, utcToLocal } from '../calendar/timezone.js';
import type { GapReport, TickerGaps } from './gapReport.js';

const clock = (utcMs: number): string => {
  const local = utcToLocal(utcMs);
  return `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
};

function tickerLines(gaps: TickerGaps, maxRuns: number): string[] {
  const complete = gaps.sessionsMissing.length === 0 && gaps.barsMissing === 0;
  const lines = [
    `${gaps.ticker}: ${complete ? 'complete' : 'gaps'}; sessions ${gaps.sessions - gaps.sessionsMissing.length}` +
      ` of ${gaps.sessions}, bars ${gaps.barsPresent} of ${gaps.barsExpected}` +
      `, ${gaps.barsMissing} missing inside sessions in ${gaps.missingRuns.length} gaps` +
      (gaps.barsOutsideSessions > 0 ? `, ${gaps.barsOutsideSessions} outside regular hours` : '') +
      (gaps.barsOffGrid > 0 ? `, ${gaps.barsOffGrid} off the bar grid` : ''),
  ];
  if (gaps.sessionsMissing.length > 0) {
    lines.push(`  missing sessions: ${gaps.sessionsMissing.map(formatDay).join(', ')}`);
  }
  for (const run of gaps.missingRuns.slice(0, maxRuns)) {
    lines.push(`  ${formatDay(run.day)} ${clock(run.startMs)}-${clock(run.endMs)} ET: ${run.bars} bars missing`);
  }
  if (gaps.missingRuns.length > maxRuns) lines.push(`  ... and ${gaps.missingRuns.length - maxRuns} more gaps`);
  return lines;
}

/** The gap report as text: a header, then one line per ticker and one per missing session list and gap. */
export function formatGapReport(dataset: string, report: GapReport, maxRunsPerTicker = 20): string {
  const header =
    `dataset ${dataset}: ${formatBarSize(report.barMs)} bars, ${report.tickers.length} tickers, ` +
    `${formatDay(report.startDay)} to ${formatDay(report.endDay)} ` +
    `(${report.sessions} sessions, ${report.halfDays} half days; times in New York)`;
  return [header, ...report.tickers.flatMap((gaps) => tickerLines(gaps, maxRunsPerTicker))].join('\n');
}
