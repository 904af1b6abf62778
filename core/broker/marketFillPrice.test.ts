import { describe, expect, it } from 'vitest';

import type { Micros } from '../money/money.js';
import { createSimBrokerState } from './createSimBrokerState.js';
import { marketFillPrice } from './marketFillPrice.js';
import { processBar } from './processBar.js';
import { roundToTick } from './roundToTick.js';
import { executionsOf, micros, orderRequest, simBar, simConfig } from './simBrokerFixtures.js';
import type { SlippageModel } from './SimBrokerConfig.js';
import { submitOrder } from './submitOrder.js';

describe('roundToTick', () => {
  it('rounds a buy up and a sell down to the cent at or above one dollar', () => {
    expect(roundToTick(micros(50.015), 'BUY')).toBe(micros(50.02));
    expect(roundToTick(micros(50.015), 'SELL')).toBe(micros(50.01));
    expect(roundToTick(micros(1), 'SELL'), 'a price on the tick stays').toBe(micros(1));
  });

  it('rounds to a hundredth of a cent below one dollar', () => {
    expect(roundToTick(micros(0.50015), 'BUY')).toBe(micros(0.5002));
    expect(roundToTick(micros(0.50015), 'SELL')).toBe(micros(0.5001));
    expect(roundToTick(micros(0.99995), 'BUY'), 'a buy just below a dollar rounds up to it').toBe(micros(1));
    expect(roundToTick(micros(0.99995), 'SELL')).toBe(micros(0.9999));
  });

  it('never rounds a sell to zero', () => {
    expect(roundToTick(50 as Micros, 'SELL')).toBe(100);
  });
});

describe('marketFillPrice', () => {
  const fixed3: SlippageModel = { model: 'fixed_bps', bps: 3 };

  it('moves a buy up and a sell down by fixed basis points, then rounds against the order', () => {
    // 3 bps of 50.00 = 0.015: buy 50.015 -> 50.02, sell 49.985 -> 49.98.
    const bar = simBar({ open: 50 });

    expect(marketFillPrice(fixed3, 'BUY', bar, 100)).toBe(micros(50.02));
    expect(marketFillPrice(fixed3, 'SELL', bar, 100)).toBe(micros(49.98));
  });

  it('rounds sub-dollar fixed-bps prices to a hundredth of a cent', () => {
    // 3 bps of 0.50 = 0.00015: buy 0.50015 -> 0.5002, sell 0.49985 -> 0.4998.
    const bar = simBar({ open: 0.5, high: 0.51, low: 0.49 });

    expect(marketFillPrice(fixed3, 'BUY', bar, 100)).toBe(micros(0.5002));
    expect(marketFillPrice(fixed3, 'SELL', bar, 100)).toBe(micros(0.4998));
  });

  it('does not push an on-tick price a tick further through float noise', () => {
    // 10 bps of 100.00 = 0.10 exactly: 100.10, not 100.11.
    const bar = simBar({ open: 100 });

    expect(marketFillPrice({ model: 'fixed_bps', bps: 10 }, 'BUY', bar, 1)).toBe(micros(100.1));
    expect(marketFillPrice({ model: 'none' }, 'BUY', simBar({ open: 10.07 }), 1)).toBe(micros(10.07));
  });

  it('crosses half the quoted spread, and falls back to basis points without a quote', () => {
    const halfSpread: SlippageModel = { model: 'half_spread', fallbackBps: 5 };

    // Spread 0.03: buy 20.015 -> 20.02, sell 19.985 -> 19.98.
    expect(marketFillPrice(halfSpread, 'BUY', simBar({ open: 20, spread: 0.03 }), 100)).toBe(micros(20.02));
    expect(marketFillPrice(halfSpread, 'SELL', simBar({ open: 20, spread: 0.03 }), 100)).toBe(micros(19.98));
    // No quote: 5 bps of 20.00 = 0.01.
    expect(marketFillPrice(halfSpread, 'BUY', simBar({ open: 20, spread: null }), 100)).toBe(micros(20.01));
    expect(marketFillPrice(halfSpread, 'SELL', simBar({ open: 20, spread: -0.01 }), 100)).toBe(micros(19.99));
  });

  it('applies square-root impact coefficient * sqrt(quantity / volume)', () => {
    const impact: SlippageModel = { model: 'volume_participation', coefficient: 0.1, fallbackBps: 5 };
    // 0.1 * sqrt(100 / 10 000) = 0.01 of 40.00 = 0.40; 0.1 * sqrt(400 / 10 000) = 0.02 of 40.00 = 0.80.
    const bar = simBar({ open: 40, volume: 10_000 });

    expect(marketFillPrice(impact, 'BUY', bar, 100)).toBe(micros(40.4));
    expect(marketFillPrice(impact, 'SELL', bar, 100)).toBe(micros(39.6));
    expect(marketFillPrice(impact, 'BUY', bar, 400), 'four times the size costs twice as much').toBe(micros(40.8));
    // Unknown volume: 5 bps of 40.00 = 0.02.
    expect(marketFillPrice(impact, 'BUY', simBar({ open: 40, volume: -1 }), 100)).toBe(micros(40.02));
  });

  it('is what processBar charges a market order', () => {
    const state = createSimBrokerState(simConfig({ slippage: fixed3 }));
    submitOrder(state, orderRequest({ id: 'buy', side: 'BUY' }), 0);
    submitOrder(state, orderRequest({ id: 'sell', side: 'SELL' }), 0);

    const events = processBar(state, simBar({ open: 50 }));

    expect(executionsOf(events).map((execution) => [execution.side, execution.price])).toEqual([
      ['BUY', micros(50.02)],
      ['SELL', micros(49.98)],
    ]);
  });
});
