import type { Micros } from '../money/money.js';
import { Side } from '../trading/types.js';

/** US stock tick at or above one dollar (one cent) and below it (a hundredth of a cent), in micro-dollars (Reg NMS rule 612). */
export const TICK_ABOVE_DOLLAR: Micros = 10_000 as Micros;
export const TICK_BELOW_DOLLAR: Micros = 100 as Micros;
const ONE_DOLLAR = 1_000_000;

/**
 * Rounds a price to the tick against the trader: a buy up, a sell down. The tick follows the unrounded price.
 * A sell never rounds below one sub-dollar tick, so a fill price stays positive.
 */
export function roundToTick(price: Micros, side: Side): Micros {
  const tick = price >= ONE_DOLLAR ? TICK_ABOVE_DOLLAR : TICK_BELOW_DOLLAR;
  if (side === Side.BUY) return (Math.ceil(price / tick) * tick) as Micros;
  return Math.max(Math.floor(price / tick) * tick, TICK_BELOW_DOLLAR) as Micros;
}
