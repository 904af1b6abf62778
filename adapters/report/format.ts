// Number formatting for the report, written out rather than toLocaleString: the output must not depend on the
// locale or ICU data of the machine that renders it (same input, same bytes).

/** Shown for a number that is undefined (null, NaN). */
export const MISSING = 'n/a';

const special = (value: number | null | undefined): string | null => {
  if (value === null || value === undefined || Number.isNaN(value)) return MISSING;
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  return null;
};

/** Fixed decimals, `n/a` for null or NaN. */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  return special(value) ?? (value as number).toFixed(digits);
}

/** A fraction as a percentage: 0.1234 -> `12.34%`. */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  return special(value) ?? `${((value as number) * 100).toFixed(digits)}%`;
}

/** Dollars with thousands separators and cents: -1234.5 -> `-$1,234.50`. */
export function formatDollars(value: number | null | undefined): string {
  const text = special(value);
  if (text !== null) return text;
  const amount = value as number;
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 && Number(`${whole}.${cents}`) !== 0 ? '-' : ''}$${grouped}.${cents}`;
}

/** An integer count. */
export function formatCount(value: number | null | undefined): string {
  return special(value) ?? String(Math.round(value as number));
}

/** How each known metric is labelled and formatted; other metrics are shown with their key and 4 decimals. */
export const METRIC_FORMATS: Readonly<
  Record<string, { readonly label: string; readonly format: (v: number | null) => string }>
> = {
  sharpe: { label: 'Sharpe (annualized)', format: (v) => formatNumber(v, 2) },
  sortino: { label: 'Sortino (annualized)', format: (v) => formatNumber(v, 2) },
  total_return: { label: 'Total return', format: (v) => formatPercent(v) },
  annualized_return: { label: 'Annualized return', format: (v) => formatPercent(v) },
  max_drawdown: { label: 'Max drawdown', format: (v) => formatPercent(v) },
  max_drawdown_sessions: { label: 'Longest drawdown (sessions)', format: formatCount },
  calmar: { label: 'Calmar', format: (v) => formatNumber(v, 2) },
  win_rate: { label: 'Win rate', format: (v) => formatPercent(v, 1) },
  profit_factor: { label: 'Profit factor', format: (v) => formatNumber(v, 2) },
  avg_trade_bars: { label: 'Average bars per trade', format: (v) => formatNumber(v, 1) },
  exposure: { label: 'Exposure (gross / equity)', format: (v) => formatPercent(v, 1) },
  time_in_market: { label: 'Time in market', format: (v) => formatPercent(v, 1) },
  turnover: { label: 'Turnover (per session)', format: (v) => formatNumber(v, 2) },
  costs: { label: 'Costs paid', format: formatDollars },
  trades: { label: 'Trades', format: formatCount },
  sessions: { label: 'Sessions', format: formatCount },
};

/** A metric's label and formatted value. */
export function formatMetric(key: string, value: number | null): { label: string; text: string } {
  const known = METRIC_FORMATS[key];
  return known ? { label: known.label, text: known.format(value) } : { label: key, text: formatNumber(value, 4) };
}

/** An ISO UTC time shortened to minutes for tables: `2024-01-02T14:30:00.000Z` -> `2024-01-02 14:30`. */
export function formatUtc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}
