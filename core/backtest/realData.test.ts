import { expect, it } from 'vitest';
import { describeWithShared, SMALL_5MIN } from '../../tests/support/sharedData.js';
import { loadFeaturesYaml, loadSmallBatches } from '../../tests/support/featureKit.js';
import { defaultSimBrokerConfig } from '../broker/index.js';
import { sessionContaining } from '../calendar/index.js';
import { buildFeaturePipeline } from '../features/index.js';
import { barSetOf, plainRisk, signalsFrom } from './backtestTestKit.js';
import { runBacktest } from './runBacktest.js';

// An RSI(14) rule on the real June 2025 AAPL 5-minute bars: long below 30, short above 70, flat between, no signal
// at a session's last bar. No costs. The expected trades and P&L are recomputed below by plain arithmetic: each
// decision at a bar's close becomes a market order filled at the next bar's open; size = the 4% cap of equity at
// the decision close, in whole shares; equity = cash + shares x close, all in whole micro-dollars.
describeWithShared(SMALL_5MIN, 'backtest of an RSI rule on real AAPL bars', () => {
  it('matches a hand computation of every trade and the final equity', () => {
    const aapl = loadSmallBatches().find((batch) => batch.ticker === 'AAPL')!;
    const rsiColumn = buildFeaturePipeline(loadFeaturesYaml(), ['rsi_14']).computeBatch(aapl)[0]!;
    const lastOfSession = (i: number): boolean =>
      i === aapl.length - 1 || sessionContaining(aapl.ts[i + 1]!)?.day !== sessionContaining(aapl.ts[i]!)?.day;
    const rule = (i: number): number => {
      const rsi = rsiColumn[i]!;
      if (Number.isNaN(rsi) || lastOfSession(i)) return Number.NaN;
      return rsi < 30 ? 1 : rsi > 70 ? -1 : 0;
    };
    const bars = barSetOf([aapl]);
    const broker = {
      ...defaultSimBrokerConfig,
      slippage: { model: 'none' as const },
      commission: { model: 'none' as const },
      participationLimit: null,
    };

    const result = runBacktest({
      bars,
      signals: signalsFrom(bars, (_batch, i) => rule(i)),
      risk: plainRisk(),
      broker,
      initialCash: 100_000,
    });

    const micros = (dollars: number): number => Math.round(dollars * 1e6);
    let cash = micros(100_000);
    let shares = 0;
    let pending = 0;
    const trades: { side: string; entry: number; exit: number; quantity: number }[] = [];
    let open: { side: string; entry: number; quantity: number } | null = null;
    for (let i = 0; i < aapl.length; i++) {
      if (pending !== 0) {
        cash -= pending * micros(aapl.open[i]!);
        const before = shares;
        shares += pending;
        pending = 0;
        if (open && (shares === 0 || Math.sign(shares) !== Math.sign(before))) {
          trades.push({ ...open, exit: aapl.ts[i]! });
          open = null;
        }
        if (!open && shares !== 0) {
          open = { side: shares > 0 ? 'BUY' : 'SELL', entry: aapl.ts[i]!, quantity: Math.abs(shares) };
        }
      }
      const signal = rule(i);
      if (Number.isNaN(signal)) continue;
      const equity = cash + shares * micros(aapl.close[i]!);
      const cap = Math.floor(0.04 * equity);
      const price = micros(aapl.close[i]!);
      let capShares = Math.floor(cap / price);
      if (capShares * price > cap) capShares -= 1;
      pending = signal * capShares - shares;
    }
    const finalEquity = (cash + shares * micros(aapl.close[aapl.length - 1]!)) / 1e6;

    expect(trades.length, 'the rule trades often enough to be a real check').toBeGreaterThan(20);
    expect(
      result.trades.map((trade) => ({
        side: trade.side,
        entry: trade.entryTs,
        exit: trade.exitTs,
        quantity: trade.quantity,
      })),
    ).toEqual(trades);
    expect(result.finalEquity).toBeCloseTo(finalEquity, 6);
    expect(result.metrics.trades).toBe(trades.length);
    expect(result.logCounts['RISK_APPROVED']).toBe(result.orders);
  });
});
