import { averageTradeBars, profitFactor, winRate, type TradeRecord } from '../../core/analytics/index.js';
import type { BacktestArtifact } from '../../core/experiment/contracts.js';

/** One trade as the backtest artifact stores it. */
export type ArtifactTrade = BacktestArtifact['trades'][number];

/** Trade statistics of one group of trades (all of them, or one ticker's). */
export interface TradeStats {
  readonly trades: number;
  readonly longs: number;
  readonly shorts: number;
  /** Share of trades with a positive P&L after costs; NaN with no trades. */
  readonly winRate: number;
  /** Gross profit / gross loss after costs; NaN with no trades, Infinity with no loss. */
  readonly profitFactor: number;
  readonly averageBars: number;
  /** Sum of P&L after costs, dollars. */
  readonly pnl: number;
  readonly costs: number;
}

/** What the report's trade section shows. */
export interface TradeSummary {
  readonly all: TradeStats;
  /** Per ticker, in ticker order. */
  readonly byTicker: readonly (TradeStats & { readonly ticker: string })[];
  /** The first trades in time order (all of them when there are at most 2 * `edge`). */
  readonly first: readonly ArtifactTrade[];
  /** The last trades, none of which are in `first`. */
  readonly last: readonly ArtifactTrade[];
}

// The core functions take TradeRecord; only pnl, costs and bars matter to them, the times are carried along.
const toRecord = (trade: ArtifactTrade): TradeRecord => ({
  ticker: trade.ticker,
  side: trade.side,
  entryTs: Date.parse(trade.entry_ts),
  exitTs: Date.parse(trade.exit_ts),
  entryPrice: trade.entry_price,
  exitPrice: trade.exit_price,
  quantity: trade.quantity,
  pnl: trade.pnl,
  costs: trade.costs,
  bars: trade.bars,
});

function stats(trades: readonly ArtifactTrade[]): TradeStats {
  const records = trades.map(toRecord);
  let pnl = 0;
  let costs = 0;
  let longs = 0;
  for (const trade of trades) {
    pnl += trade.pnl;
    costs += trade.costs;
    if (trade.side === 'BUY') longs++;
  }
  return {
    trades: trades.length,
    longs,
    shorts: trades.length - longs,
    winRate: winRate(records),
    profitFactor: profitFactor(records),
    averageBars: averageTradeBars(records),
    pnl,
    costs,
  };
}

/** Summary statistics, per-ticker P&L and the first and last `edge` trades (ordered by entry, then ticker). */
export function summarizeTrades(trades: readonly ArtifactTrade[], edge: number): TradeSummary {
  const ordered = [...trades].sort(
    (a, b) =>
      Date.parse(a.entry_ts) - Date.parse(b.entry_ts) || (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0),
  );
  const groups = new Map<string, ArtifactTrade[]>();
  for (const trade of ordered) {
    const group = groups.get(trade.ticker) ?? [];
    group.push(trade);
    groups.set(trade.ticker, group);
  }
  const byTicker = [...groups.keys()].sort().map((ticker) => ({ ticker, ...stats(groups.get(ticker) ?? []) }));
  const split = ordered.length > 2 * edge;
  return {
    all: stats(ordered),
    byTicker,
    first: split ? ordered.slice(0, edge) : ordered,
    last: split ? ordered.slice(ordered.length - edge) : [],
  };
}
