import { describe, expect, it } from 'vitest';

import { defaultSimBrokerConfig, type SimBrokerConfig } from '../broker/index.js';
import { barSetOf, plainRisk, randomWalk, signalsFrom } from './backtestTestKit.js';
import { runBacktest } from './runBacktest.js';

const NO_COSTS: SimBrokerConfig = {
  ...defaultSimBrokerConfig,
  slippage: { model: 'none' },
  commission: { model: 'none' },
  participationLimit: null,
};

// One session (2025-06-02, 5-minute bars 09:30-16:00 New York), two tickers stepped AAA then BBB at each bar start.
const bars = barSetOf([randomWalk('AAA', 1, 20250602, 20250602), randomWalk('BBB', 2, 20250602, 20250602)]);

/** A long signal on `ticker`'s 15:40 bar only, with flatten-before-close 10 minutes before the 16:00 close. */
function run(ticker: string) {
  const last = bars.batches[0]!.length - 1; // the 15:55 bar
  const signals = signalsFrom(bars, (batch, i) => (batch.ticker === ticker && i === last - 3 ? 1 : Number.NaN));
  return runBacktest({
    bars,
    signals,
    risk: plainRisk({ flatten_before_close_min: 10 }),
    broker: NO_COSTS,
    initialCash: 100_000,
  });
}

describe('fills of one bar start reach the broker before any close of that start', () => {
  // The buy decided at the 15:45 close fills at the 15:45 open; the flatten decided at the 15:50 close (the first
  // close inside the 10-minute window) sells at the 15:50 open. Before the fix, the order on the second ticker was
  // cancelled by the flatten at AAA's 15:50 close before BBB's 15:45 bar reached the broker: no fill at all, while
  // the same rule on AAA traded. The outcome depended on the tickers' names.
  for (const ticker of ['AAA', 'BBB']) {
    it(`fills the order on ${ticker} at the 15:45 open and flattens it at the 15:50 open`, () => {
      const batch = bars.batches.find((candidate) => candidate.ticker === ticker)!;
      const last = batch.length - 1;
      expect(new Date(batch.ts[last - 2]!).toISOString(), 'the 15:45 New York bar').toBe('2025-06-02T19:45:00.000Z');

      const result = run(ticker);

      expect(result.executions).toBe(2);
      expect(result.trades).toHaveLength(1);
      expect(result.trades[0]).toMatchObject({
        ticker,
        side: 'BUY',
        entryTs: batch.ts[last - 2],
        exitTs: batch.ts[last - 1],
        entryPrice: batch.open[last - 2],
        exitPrice: batch.open[last - 1],
      });
    });
  }
});
