import type { EvaluateResult, FoldResult } from '../../core/experiment/contracts.js';
import { escapeHtml as e } from './escapeHtml.js';
import { formatCount, formatDollars, formatMetric, formatNumber, formatPercent, formatUtc } from './format.js';
import type { ReportData } from './ReportData.js';
import type { TradeStats } from './summarizeTrades.js';

// The report's sections as HTML strings. Every value from the data goes through `e` (escapeHtml) or a number
// formatter whose output holds no markup; the only unescaped text is this file's own.

/** True when ingest labelled the bars as generated. */
export function isSynthetic(source: string): boolean {
  return /^synthetic\b/i.test(source.trim());
}

/** The kill / iterate / promising verdict in big type, with every reason. */
export function verdictSection(evaluation: EvaluateResult): string {
  const reasons = evaluation.reasons.map((reason) => `<li>${e(reason)}</li>`).join('');
  return `<section id="verdict" class="verdict verdict-${e(evaluation.verdict)}">
<div class="verdict-label">Verdict</div>
<div class="verdict-word" id="verdict-word">${e(evaluation.verdict.toUpperCase())}</div>
<ul id="verdict-reasons">${reasons || '<li>no reason given</li>'}</ul>
</section>`;
}

const card = (label: string, value: string, id: string): string =>
  `<div class="card" id="metric-${id}"><div class="card-value">${e(value)}</div><div class="card-label">${e(label)}</div></div>`;

/**
 * The headline numbers as cards: the verdict's inputs first, then the money. Trade statistics missing from the
 * backtest metrics are taken from the trades themselves (`trades`).
 */
export function headlineSection(data: ReportData, trades: TradeStats): string {
  const metric = (key: string): number | null => data.backtest.metrics[key] ?? null;
  return `<section id="headline" class="cards">
${card('Out-of-sample Sharpe', formatNumber(data.evaluation.oos_sharpe, 2), 'oos_sharpe')}
${card('Deflated Sharpe (probability)', formatNumber(data.evaluation.deflated_sharpe, 3), 'deflated_sharpe')}
${card('Trials', formatCount(data.evaluation.trials), 'trials')}
${card('Trades', formatCount(metric('trades') ?? trades.trades), 'trades')}
${card('Total return', formatPercent(metric('total_return')), 'total_return')}
${card('Max drawdown', formatPercent(metric('max_drawdown')), 'max_drawdown')}
${card('Costs paid', formatDollars(metric('costs') ?? trades.costs), 'costs')}
${card('Win rate', formatPercent(metric('win_rate') ?? trades.winRate, 1), 'win_rate')}
${card('Profit factor', formatNumber(metric('profit_factor') ?? trades.profitFactor, 2), 'profit_factor')}
</section>`;
}

const row = (label: string, value: string): string => `<tr><th>${e(label)}</th><td>${value}</td></tr>`;

/** Who and what this experiment is: identity, hashes, data source (SYNTHETIC DATA when generated), model. */
export function identitySection(data: ReportData): string {
  const source = isSynthetic(data.source)
    ? `<span class="badge-synthetic">SYNTHETIC DATA</span> ${e(data.source)}`
    : e(data.source);
  const days = data.backtest.equity;
  const period = days.length > 0 ? `${days[0].day} to ${days[days.length - 1].day}` : 'none';
  return `<section id="identity"><h2>Experiment</h2><table class="kv">
${row('Name', e(data.name))}
${row('Hypothesis', e(data.hypothesis))}
${row('Experiment id', `<code>${e(data.experimentId)}</code>`)}
${row('Config hash', `<code>${e(data.configHash)}</code>`)}
${row('Feature set hash', `<code>${e(data.featureSetHash)}</code>`)}
${row('Data source', source)}
${row('Tickers', e(`${data.tickers.join(', ')} (${data.tickers.length})`))}
${row('Dataset rows', e(formatCount(data.rows)))}
${row('Target', e(data.target))}
${row('Model', e(data.model))}
${row('Features', e(`${data.features.length}: ${data.features.join(', ')}`))}
${row('Folds', e(formatCount(data.backtest.folds.length)))}
${row('Out-of-sample sessions', e(period))}
${row('Initial cash', e(formatDollars(data.backtest.initial_cash)))}
${row('Costs model', e(data.backtest.costs_model))}
</table></section>`;
}

/** Every backtest metric, labelled and formatted, in key order. */
export function metricsSection(metrics: Readonly<Record<string, number | null>>): string {
  const rows = Object.keys(metrics)
    .sort()
    .map((key) => {
      const { label, text } = formatMetric(key, metrics[key]);
      return `<tr data-metric="${e(key)}"><th>${e(label)}</th><td>${e(text)}</td></tr>`;
    });
  return `<section id="metrics"><h2>All out-of-sample metrics</h2><table class="kv">${rows.join('\n')}</table></section>`;
}

/** One row per walk-forward fold: its test window and out-of-sample numbers. */
export function foldSection(folds: readonly FoldResult[]): string {
  const rows = folds.map(
    (fold) => `<tr data-fold="${e(String(fold.fold))}"><td>${e(formatCount(fold.fold))}</td>
<td>${e(formatUtc(fold.test_from))}</td><td>${e(formatUtc(fold.test_to))}</td><td>${e(formatNumber(fold.sharpe, 2))}</td>
<td>${e(formatPercent(fold.total_return))}</td><td>${e(formatCount(fold.trades))}</td>
<td>${e(formatNumber(fold.ic, 4))}</td><td>${e(formatCount(fold.best_iteration))}</td></tr>`,
  );
  return `<section id="folds"><h2>Walk-forward folds (out of sample)</h2>
<table id="fold-table" class="grid"><thead><tr><th>Fold</th><th>Test from (UTC)</th><th>Test to (UTC)</th><th>Sharpe</th>
<th>Return</th><th>Trades</th><th>IC</th><th>Best iteration</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** Where the page script draws the equity and drawdown charts (or a note when there is nothing to draw). */
export function chartsSection(points: number): string {
  if (points < 2) {
    return `<section id="charts"><h2>Equity and drawdown</h2><p class="note">No out-of-sample sessions to draw.</p></section>`;
  }
  return `<section id="charts"><h2>Equity (session closes)</h2><div id="equity-chart" class="chart"></div>
<h2>Drawdown from the running peak</h2><div id="drawdown-chart" class="chart"></div></section>`;
}
