import { toMicros } from '../money/money.js';
import type { Micros } from '../money/money.js';
import { Side } from '../trading/types.js';
import { roundToTick } from './roundToTick.js';
import type { SimBar } from './SimBar.js';
import type { SlippageModel } from './SimBrokerConfig.js';

const BPS = 10_000;

/** How far (dollars, >= 0) the fill moves from the open against the order. */
function slippageDollars(model: SlippageModel, bar: SimBar, quantity: number): number {
  switch (model.model) {
    case 'none':
      return 0;
    case 'fixed_bps':
      return (bar.open * model.bps) / BPS;
    case 'half_spread':
      // A crossed (negative) or missing quote says nothing about the cost of crossing: use the fallback.
      return bar.spread !== null && bar.spread >= 0 ? bar.spread / 2 : (bar.open * model.fallbackBps) / BPS;
    case 'volume_participation':
      // Square-root impact law: impact / price = coefficient * sqrt(quantity / volume).
      return bar.volume > 0
        ? bar.open * model.coefficient * Math.sqrt(quantity / bar.volume)
        : (bar.open * model.fallbackBps) / BPS;
  }
}

/**
 * Fill price of a market order of `quantity` shares in `bar`: the open moved against the order by the
 * slippage model, taken to the nearest micro-dollar (so float noise cannot push it a whole tick), then rounded
 * to the tick against the order.
 */
export function marketFillPrice(model: SlippageModel, side: Side, bar: SimBar, quantity: number): Micros {
  const slippage = slippageDollars(model, bar, quantity);
  const price = side === Side.BUY ? bar.open + slippage : bar.open - slippage;
  return roundToTick(toMicros(price), side);
}
