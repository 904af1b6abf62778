import { describe, expect, it } from 'vitest';

import { createRandom } from '../random/Random.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { processBar } from './processBar.js';
import { defaultSimBrokerConfig } from './SimBrokerConfig.js';
import type { SimBrokerConfig } from './SimBrokerConfig.js';
import type { SimBar } from './SimBar.js';
import { MINUTE, OPEN_2024_01_02, executionsOf, orderRequest, simConfig } from './simBrokerFixtures.js';
import { submitOrder } from './submitOrder.js';

const BARS = 4_000;
const SHARES = 100;
const STEP_CENTS = 10; // standard deviation of a bar's move

/** A random walk in whole cents: each bar opens at the previous close. */
function randomWalk(seed: number): { bars: SimBar[]; cents: { open: number; close: number }[] } {
  const random = createRandom(seed, 'walk');
  const bars: SimBar[] = [];
  const cents: { open: number; close: number }[] = [];
  let price = 10_000;
  for (let index = 0; index < BARS; index++) {
    const close = price + Math.round(random.nextNormal() * STEP_CENTS);
    cents.push({ open: price, close });
    const [open, last] = [price / 100, close / 100];
    bars.push({
      ticker: 'AAPL',
      barStart: OPEN_2024_01_02 + index * MINUTE,
      barMs: MINUTE,
      open,
      high: Math.max(open, last) + 0.02,
      low: Math.min(open, last) - 0.02,
      close: last,
      volume: 10_000,
      spread: null,
    });
    price = close;
  }
  return { bars, cents };
}

/** The rule: long 100 after a bar that closed up, short 100 after one that closed down, unchanged after a flat one. */
const targetAfter = (bar: { open: number; close: number }, held: number): number =>
  bar.close > bar.open ? SHARES : bar.close < bar.open ? -SHARES : held;

/** Runs the rule through the broker: orders sent at each bar's close. Returns P&L and costs in micro-dollars. */
function runThroughBroker(
  config: SimBrokerConfig,
  bars: SimBar[],
): { pnl: number; commission: number; slippage: number } {
  const state = createSimBrokerState(config);
  let position = 0;
  let cash = 0;
  let commission = 0;
  let slippage = 0;
  for (const [index, bar] of bars.entries()) {
    const open = Math.round(bar.open * 1_000_000);
    for (const execution of executionsOf(processBar(state, bar))) {
      const signed = execution.side === 'BUY' ? execution.quantity : -execution.quantity;
      position += signed;
      cash -= signed * execution.price + execution.commission;
      commission += execution.commission;
      slippage += signed * (execution.price - open);
    }
    const change = targetAfter(bar, position) - position;
    if (change !== 0) {
      const order = orderRequest({ id: `R-${index}`, side: change > 0 ? 'BUY' : 'SELL', quantity: Math.abs(change) });
      submitOrder(state, order, bar.barStart + bar.barMs);
    }
  }
  const lastClose = Math.round(bars[BARS - 1].close * 1_000_000);
  return { pnl: cash + position * lastClose, commission, slippage };
}

describe('fill timing makes look-ahead impossible', () => {
  const { bars, cents } = randomWalk(20_240_102);
  const toMicros = (centsValue: number): number => centsValue * 10_000;

  // Hypothetical, with look-ahead: the position decided at bar t's close is held from bar t's own open.
  let hypothetical = 0;
  // Honest: the position decided at bar t's close is held over bar t + 1 (filled at its open, which is t's close).
  let honest = 0;
  let held = 0;
  for (const bar of cents) {
    honest += held * toMicros(bar.close - bar.open);
    held = targetAfter(bar, held);
    hypothetical += held * toMicros(bar.close - bar.open);
  }
  const oneSigma = SHARES * toMicros(STEP_CENTS) * Math.sqrt(BARS);

  it('fills the rule exactly at the next bar open, as the honest reference computes', () => {
    const run = runThroughBroker(simConfig(), bars);

    expect(run.pnl).toBe(honest);
  });

  it('earns far less than the same rule filled at the open of the bar it looked at', () => {
    const run = runThroughBroker(simConfig(), bars);

    // With look-ahead every bar earns 100 x |move|: about 100 x 0.08 x 4 000 = 32 000 dollars.
    expect(hypothetical, 'the look-ahead P&L is large').toBeGreaterThan(20 * oneSigma);
    expect(run.pnl, 'honest P&L is a small fraction of it').toBeLessThan(0.1 * hypothetical);
    expect(Math.abs(run.pnl), 'honest P&L on a random walk is within 4 sigma of zero').toBeLessThan(4 * oneSigma);
  });

  it('loses about its costs once slippage and commissions are on', () => {
    const frictionless = runThroughBroker(simConfig(), bars);

    const costly = runThroughBroker(defaultSimBrokerConfig, bars);

    // Each flip of 200 shares pays 2 bps of ~100 (0.02 a share after tick rounding, 4.00) plus 1.00 commission.
    expect(costly.slippage).toBeGreaterThan(0);
    expect(costly.commission).toBeGreaterThan(0);
    expect(costly.pnl, 'net is gross minus both costs').toBe(frictionless.pnl - costly.slippage - costly.commission);
    expect(Math.abs(costly.pnl + costly.slippage + costly.commission), 'gross is about zero').toBeLessThan(
      4 * oneSigma,
    );
    expect(costly.pnl, 'costs dominate a rule with no edge').toBeLessThan(-4 * oneSigma);
  });
});
