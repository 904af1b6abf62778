import { describe, expect, it } from 'vitest';
import { defaultSimBrokerConfig, type SimBrokerConfig } from '../broker/index.js';
import { serializeEngine } from '../engine/index.js';
import { barSetOf, plainRisk, randomWalk, signalsFrom } from './backtestTestKit.js';
import { runBacktest, type BacktestResult } from './runBacktest.js';

const NO_COSTS: SimBrokerConfig = {
  ...defaultSimBrokerConfig,
  slippage: { model: 'none' },
  commission: { model: 'none' },
  participationLimit: null,
};

/** Everything a run produces, as text, for byte-for-byte comparison. */
function fingerprint(result: BacktestResult): string {
  const { engine, ...rest } = result;
  return JSON.stringify(rest) + serializeEngine(engine);
}

const bars = barSetOf([randomWalk('AAA', 1, 20250602, 20250613), randomWalk('BBB', 2, 20250602, 20250613)]);
// Trades the direction of the bar that just closed: the rule a look-ahead bug would make look brilliant.
const momentum = signalsFrom(bars, (batch, i) => Math.sign(batch.close[i]! - batch.open[i]!));

describe('runBacktest', () => {
  it('gives byte-identical output for the same input, twice', () => {
    const input = { bars, signals: momentum, risk: plainRisk(), broker: defaultSimBrokerConfig, initialCash: 100_000 };

    const first = fingerprint(runBacktest(input));
    const second = fingerprint(runBacktest(input));

    expect(second).toBe(first);
    expect(first.length).toBeGreaterThan(1000);
  });

  it('gives the same output when engine and broker state are serialized and restored mid-run', () => {
    const input = { bars, signals: momentum, risk: plainRisk(), broker: defaultSimBrokerConfig, initialCash: 100_000 };
    const steps = runBacktest(input).steps;

    const straight = fingerprint(runBacktest(input));
    const restored = fingerprint(runBacktest({ ...input, restoreAtStep: Math.floor(steps / 2) }));
    const early = fingerprint(runBacktest({ ...input, restoreAtStep: 7 }));

    expect(restored).toBe(straight);
    expect(early).toBe(straight);
  });

  it('never fills at the decision bar: trading the bar that just closed earns nothing like filling at its open', () => {
    const result = runBacktest({ bars, signals: momentum, risk: plainRisk(), broker: NO_COSTS, initialCash: 100_000 });
    // What the same rule would earn if it could buy at the open of the very bar whose close it needs to see: each
    // bar, hold 4% of the starting equity in the bar's direction from its open to its close.
    let peeking = 0;
    for (const batch of bars.batches) {
      for (let i = 0; i < batch.length; i++) {
        const shares = Math.floor(4_000 / batch.open[i]!);
        peeking += shares * Math.abs(batch.close[i]! - batch.open[i]!);
      }
    }
    const honest = result.finalEquity - 100_000;

    expect(peeking, 'the look-ahead version earns on every bar').toBeGreaterThan(5_000);
    expect(Math.abs(honest), 'the honest version is noise on a random walk').toBeLessThan(0.1 * peeking);
    expect(result.trades.length).toBeGreaterThan(100);
  });

  it('fills an order decided at a bar close at the next bar open of that ticker', () => {
    const one = barSetOf([randomWalk('AAA', 3, 20250602, 20250602)]);
    const buyOnce = signalsFrom(one, (_batch, i) => (i === 10 ? 1 : Number.NaN));

    const result = runBacktest({
      bars: one,
      signals: buyOnce,
      risk: plainRisk(),
      broker: NO_COSTS,
      initialCash: 100_000,
    });

    const batch = one.batches[0]!;
    const shares = Math.floor(Math.floor(0.04 * 100_000 * 1e6) / Math.round(batch.close[10]! * 1e6));
    const expected = 100_000 + shares * (batch.close[batch.length - 1]! - batch.open[11]!);
    expect(result.executions).toBe(1);
    expect(result.finalEquity).toBeCloseTo(expected, 6);
  });
});
