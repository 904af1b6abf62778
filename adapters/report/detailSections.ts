import type { FeatureImportance } from './averageImportance.js';
import { escapeHtml as e } from './escapeHtml.js';
import { formatCount, formatDollars, formatNumber, formatPercent, formatUtc, MISSING } from './format.js';
import type { ArtifactTrade, TradeStats, TradeSummary } from './summarizeTrades.js';

// The feature importance and trade sections (see reportSections.ts for the escaping rule).

const significant = (value: number | null): string => (value === null ? MISSING : String(Number(value.toPrecision(3))));

const bar = (fraction: number, kind: string): string =>
  `<div class="bar-track"><div class="bar ${kind}" style="width:${(Math.min(1, Math.abs(fraction)) * 100).toFixed(2)}%"></div></div>`;

/**
 * Feature importance averaged over the fold models as horizontal bars, most important first: gain share (bars
 * scaled to the largest share) and permutation importance (scaled to the largest magnitude; negative values, a
 * feature whose shuffling helped, in grey).
 */
export function importanceSection(rows: readonly FeatureImportance[], folds: number): string {
  const maxShare = Math.max(0, ...rows.map((row) => row.gainShare));
  const maxPermutation = Math.max(0, ...rows.map((row) => Math.abs(row.permutation ?? 0)));
  const body = rows.map((row) => {
    const permutationBar =
      row.permutation === null || maxPermutation === 0
        ? bar(0, 'perm')
        : bar(row.permutation / maxPermutation, row.permutation < 0 ? 'perm negative' : 'perm');
    return `<div class="imp-row" data-feature="${e(row.feature)}" data-gain-share="${row.gainShare}">
<div class="imp-name">${e(row.feature)}</div>${bar(maxShare > 0 ? row.gainShare / maxShare : 0, 'gain')}
<div class="imp-value">${e(formatPercent(row.gainShare, 1))}</div>${permutationBar}
<div class="imp-value">${e(significant(row.permutation))}</div></div>`;
  });
  return `<section id="importance"><h2>Feature importance (mean of ${e(formatCount(folds))} fold models)</h2>
<p class="note">Gain share: each fold's split gain as a share of its total, averaged. Permutation: the rise in
validation loss when the feature is shuffled, averaged; negative means shuffling helped.</p>
<div class="imp-head"><div>Feature</div><div>Gain share</div><div></div><div>Permutation</div><div></div></div>
<div id="importance-chart">${body.join('\n') || '<p class="note">No importance recorded.</p>'}</div></section>`;
}

const statCells = (stats: TradeStats): string =>
  [
    formatCount(stats.trades),
    formatPercent(stats.winRate, 1),
    formatNumber(stats.profitFactor, 2),
    formatNumber(stats.averageBars, 1),
    formatDollars(stats.pnl),
    formatDollars(stats.costs),
  ]
    .map((text) => `<td>${e(text)}</td>`)
    .join('');

const tradeRows = (trades: readonly ArtifactTrade[]): string =>
  trades
    .map(
      (trade) =>
        `<tr><td>${e(trade.ticker)}</td><td>${trade.side === 'BUY' ? 'long' : 'short'}</td><td>${e(formatUtc(trade.entry_ts))}</td>
<td>${e(formatUtc(trade.exit_ts))}</td><td>${e(formatCount(trade.quantity))}</td><td>${e(formatNumber(trade.entry_price, 2))}</td>
<td>${e(formatNumber(trade.exit_price, 2))}</td><td>${e(formatCount(trade.bars))}</td>
<td>${e(formatDollars(trade.costs))}</td><td>${e(formatDollars(trade.pnl))}</td></tr>`,
    )
    .join('\n');

const TRADE_HEAD = `<thead><tr><th>Ticker</th><th>Side</th><th>Entry (UTC)</th><th>Exit (UTC)</th><th>Shares</th>
<th>Entry price</th><th>Exit price</th><th>Bars</th><th>Costs</th><th>P&amp;L</th></tr></thead>`;

/** Trade statistics, P&L per ticker, and the first and last trades. */
export function tradeSection(summary: TradeSummary): string {
  const { all } = summary;
  const tickers = summary.byTicker
    .map((stats) => `<tr data-ticker="${e(stats.ticker)}"><td>${e(stats.ticker)}</td>${statCells(stats)}</tr>`)
    .join('\n');
  const lists =
    summary.last.length > 0
      ? `<h3>First ${summary.first.length} trades</h3><table class="grid trades">${TRADE_HEAD}<tbody>${tradeRows(summary.first)}</tbody></table>
<h3>Last ${summary.last.length} trades</h3><table class="grid trades">${TRADE_HEAD}<tbody>${tradeRows(summary.last)}</tbody></table>`
      : `<h3>All trades</h3><table class="grid trades">${TRADE_HEAD}<tbody>${tradeRows(summary.first)}</tbody></table>`;
  return `<section id="trades"><h2>Trades</h2>
<p id="trade-summary">${e(formatCount(all.trades))} trades (${e(formatCount(all.longs))} long, ${e(formatCount(all.shorts))} short),
win rate ${e(formatPercent(all.winRate, 1))}, profit factor ${e(formatNumber(all.profitFactor, 2))},
${e(formatNumber(all.averageBars, 1))} bars on average, P&amp;L ${e(formatDollars(all.pnl))} after ${e(formatDollars(all.costs))} of costs.</p>
<table id="ticker-table" class="grid"><thead><tr><th>Ticker</th><th>Trades</th><th>Win rate</th><th>Profit factor</th>
<th>Average bars</th><th>P&amp;L</th><th>Costs</th></tr></thead><tbody>${tickers}</tbody></table>
${all.trades > 0 ? lists : '<p class="note">No trades.</p>'}</section>`;
}
