import { averageImportance } from './averageImportance.js';
import { chartData } from './chartData.js';
import { importanceSection, tradeSection } from './detailSections.js';
import { escapeHtml as e, jsonForScript } from './escapeHtml.js';
import { REPORT_SCRIPT } from './reportScript.js';
import {
  chartsSection,
  foldSection,
  headlineSection,
  identitySection,
  isSynthetic,
  metricsSection,
  verdictSection,
} from './reportSections.js';
import { REPORT_CSS } from './reportStyles.js';
import type { ReportData } from './ReportData.js';
import { summarizeTrades } from './summarizeTrades.js';

/** The chart library inlined into the report: uPlot's minified script and stylesheet, as text. */
export interface ReportAssets {
  readonly uplotJs: string;
  readonly uplotCss: string;
}

/** Trades listed at each end of the trade list. */
export const TRADE_LIST_EDGE = 10;

// No network at all: everything is inline, and the policy forbids every fetch (a stray one fails loudly on the
// console instead of silently reaching out). The icon link stops the browser asking for /favicon.ico.
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * The report as one self-contained HTML document: pure (string in, string out), so equal data and assets give
 * equal bytes. Assets are passed in; renderReport.ts reads them from node_modules.
 */
export function renderReportHtml(data: ReportData, assets: ReportAssets): string {
  const charts = chartData(data.backtest.equity);
  const importance = averageImportance(data.features, data.importance);
  const trades = summarizeTrades(data.backtest.trades, TRADE_LIST_EDGE);
  const synthetic = isSynthetic(data.source);
  const title = `${data.name}: ${data.evaluation.verdict}${synthetic ? ' (synthetic data)' : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
<style>${assets.uplotCss}</style>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${synthetic ? `<div class="synthetic" id="synthetic-banner">SYNTHETIC DATA: these results come from generated bars, not from a market (${e(data.source)}).</div>` : ''}
<h1>${e(data.name)}</h1>
<p class="subtitle">${e(data.hypothesis)}</p>
${verdictSection(data.evaluation)}
${headlineSection(data, trades.all)}
${chartsSection(charts.x.length)}
${foldSection(data.backtest.folds)}
${importanceSection(importance, data.importance.length)}
${tradeSection(trades)}
${identitySection(data)}
${metricsSection(data.backtest.metrics)}
<footer>Experiment <code>${e(data.experimentId)}</code>. Charts drawn with uPlot (MIT licence), inlined: this file needs no network.</footer>
</main>
<script type="application/json" id="report-data">${jsonForScript(charts)}</script>
<script>${assets.uplotJs}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
