import { describe, expect, it } from 'vitest';
import { defaultSimBrokerConfig, type SimBrokerConfig } from '../broker/index.js';
import { allocateBatch, type BarBatch } from '../data/BarBatch.js';
import { positionQuantity } from '../portfolio/index.js';
import { barSetOf, plainRisk } from './backtestTestKit.js';
import { runBacktest } from './runBacktest.js';

const NO_COSTS: SimBrokerConfig = {
  ...defaultSimBrokerConfig,
  slippage: { model: 'none' },
  commission: { model: 'none' },
  participationLimit: null,
};
/** 2025-06-02 09:30 New York. */
const OPEN = Date.UTC(2025, 5, 2, 13, 30);

/** Three 5-minute bars from the open; each bar opens at the previous close. */
function batchOf(ticker: string, closes: readonly number[]): BarBatch {
  const batch = allocateBatch(ticker, 300_000, closes.length);
  closes.forEach((close, i) => {
    const open = i === 0 ? close : closes[i - 1]!;
    batch.ts[i] = OPEN + i * 300_000;
    batch.open[i] = open;
    batch.close[i] = close;
    batch.high[i] = Math.max(open, close);
    batch.low[i] = Math.min(open, close);
    batch.volume[i] = 1_000_000;
  });
  return batch;
}

// AAA stays at $100. BBB is bought at its second bar's open ($100, 40 shares = the 4% cap of $100,000) and closes
// that bar at $200. At that close AAA gets a long signal: its size is 4% of the equity of that time, which includes
// BBB's $200 close (equity $104,000: 41 shares), not BBB's previous price ($100,000: 40 shares), although AAA's
// bar comes first in the timeline. Ticker by ticker, the answer depended on which name sorted first.
describe('the closes of a time reach the engine before the signals of that time', () => {
  const run = (signalTicker: string, heldTicker: string) => {
    const batches = [batchOf(signalTicker, [100, 100, 100]), batchOf(heldTicker, [100, 200, 200])].sort((a, b) =>
      a.ticker < b.ticker ? -1 : 1,
    );
    const signalAt = (at: number) => {
      const column = new Float64Array(3).fill(Number.NaN);
      column[at] = 1;
      return { signal: column, confidence: new Float64Array(3).fill(1) };
    };
    return runBacktest({
      bars: barSetOf(batches),
      signals: { [heldTicker]: signalAt(0), [signalTicker]: signalAt(1) },
      risk: plainRisk(),
      broker: NO_COSTS,
      initialCash: 100_000,
    });
  };

  for (const [signalTicker, heldTicker] of [
    ['AAA', 'BBB'],
    ['BBB', 'AAA'],
  ] as const) {
    it(`sizes ${signalTicker}'s order off ${heldTicker}'s close of the same time`, () => {
      const result = run(signalTicker, heldTicker);
      expect(positionQuantity(result.engine.portfolio, heldTicker)).toBe(40);
      // 4% of (100,000 + 40 x (200 - 100)) at $100 = 41.6: 41 whole shares.
      expect(positionQuantity(result.engine.portfolio, signalTicker)).toBe(41);
      expect(result.executions).toBe(2);
    });
  }
});

describe('bars of one start but different sizes', () => {
  it('hand each signal to the engine at its own bar close', () => {
    const five = batchOf('AAA', [100, 100, 100]);
    const fifteen = allocateBatch('BBB', 900_000, 1);
    fifteen.ts[0] = OPEN;
    fifteen.open[0] = fifteen.high[0] = fifteen.low[0] = fifteen.close[0] = 50;
    fifteen.volume[0] = 1_000_000;
    const first = (length: number) => {
      const column = new Float64Array(length).fill(Number.NaN);
      column[0] = 1;
      return { signal: column, confidence: new Float64Array(length).fill(1) };
    };
    const result = runBacktest({
      bars: barSetOf([five, fifteen]),
      signals: { AAA: first(3), BBB: first(1) },
      risk: plainRisk(),
      broker: NO_COSTS,
      initialCash: 100_000,
    });
    const created = [...result.engine.orders.orders.values()].map((order) => [
      order.request.ticker,
      new Date(order.request.createdTs).toISOString(),
    ]);
    expect(created).toEqual([
      ['AAA', '2025-06-02T13:35:00.000Z'],
      ['BBB', '2025-06-02T13:45:00.000Z'],
    ]);
  });
});
