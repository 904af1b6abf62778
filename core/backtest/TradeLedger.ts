import type { TradeRecord } from '../analytics/index.js';
import { toDollars, toMicros, type Micros } from '../money/money.js';
import { Side, type Execution } from '../trading/types.js';

/**
 * A round trip, from a flat position to the next flat position (a flip closes one trade and opens the next):
 * analytics' TradeRecord plus the strategy. `quantity` is the largest position held; `entryPrice` the first fill;
 * `pnl` is realized P&L after commissions and slippage; `bars` counts the ticker's bars from entry to exit fill.
 */
export interface Trade extends TradeRecord {
  readonly strategy: string;
}

interface OpenTrade {
  direction: 1 | -1;
  quantity: number;
  avgCost: number;
  entryTs: number;
  entryBar: number;
  entryPrice: number;
  maxQuantity: number;
  realized: number;
  commission: number;
  slippage: number;
}

/**
 * Builds round trips from executions, with its own average-cost accounting in micro-dollars. The sum of its trade
 * P&L equals the portfolio's realized P&L minus commissions for closed trades, which tests use as a cross-check.
 */
export class TradeLedger {
  readonly trades: Trade[] = [];
  private readonly open = new Map<string, OpenTrade>();

  /** Records one execution of `strategy` on bar `bar` of its ticker; `slippage` is its cost in dollars. */
  record(strategy: string, execution: Execution, bar: number, slip: number): void {
    const key = `${strategy}\u0000${execution.ticker}`;
    const signed = execution.side === 'BUY' ? execution.quantity : -execution.quantity;
    let remaining = signed;
    let commission = execution.commission as number;
    let slippage: number = toMicros(slip);
    let trade = this.open.get(key);
    while (remaining !== 0) {
      if (!trade) {
        trade = {
          direction: remaining > 0 ? 1 : -1,
          quantity: 0,
          avgCost: execution.price,
          entryTs: execution.ts,
          entryBar: bar,
          entryPrice: toDollars(execution.price),
          maxQuantity: 0,
          realized: 0,
          commission: 0,
          slippage: 0,
        };
        this.open.set(key, trade);
      }
      trade.commission += commission;
      trade.slippage += slippage;
      commission = 0;
      slippage = 0;
      if (Math.sign(remaining) === trade.direction) {
        const quantity = trade.quantity + Math.abs(remaining);
        trade.avgCost = (trade.avgCost * trade.quantity + execution.price * Math.abs(remaining)) / quantity;
        trade.quantity = quantity;
        trade.maxQuantity = Math.max(trade.maxQuantity, quantity);
        remaining = 0;
      } else {
        const closing = Math.min(trade.quantity, Math.abs(remaining));
        trade.realized += trade.direction * (execution.price - trade.avgCost) * closing;
        trade.quantity -= closing;
        remaining += trade.direction * closing;
        if (trade.quantity === 0) {
          this.close(key, strategy, execution, bar, trade);
          trade = undefined;
        }
      }
    }
  }

  private close(key: string, strategy: string, execution: Execution, bar: number, trade: OpenTrade): void {
    this.open.delete(key);
    this.trades.push({
      strategy,
      ticker: execution.ticker,
      side: trade.direction > 0 ? Side.BUY : Side.SELL,
      entryTs: trade.entryTs,
      exitTs: execution.ts,
      quantity: trade.maxQuantity,
      entryPrice: trade.entryPrice,
      exitPrice: toDollars(execution.price),
      pnl: toDollars(Math.round(trade.realized - trade.commission) as Micros),
      costs: toDollars((trade.commission + trade.slippage) as Micros),
      bars: bar - trade.entryBar,
    });
  }

  /** Trades still open at the end of the data. */
  openCount(): number {
    return this.open.size;
  }
}
