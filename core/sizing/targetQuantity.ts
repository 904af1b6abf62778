import type { RiskConfig } from '../../config/risk.js';
import { MICROS_PER_DOLLAR, type Micros } from '../money/money.js';
import { InvalidSizingInputError } from './errors.js';

/** What `targetQuantity` needs: one signal, the price and equity it is sized against, and the sizing config. */
export interface SizingInput {
  /** Direction and strength in [-1, 1] (positive = long). */
  readonly signal: number;
  /** Confidence in [0, 1]. */
  readonly confidence: number;
  /** Price one share is valued at (micro-dollars, positive). */
  readonly price: Micros;
  /** Account equity (micro-dollars); zero or negative equity sizes to zero. */
  readonly equity: Micros;
  readonly sizing: RiskConfig['sizing'];
  /** Per-bar standard deviation of simple returns; used only when volatility targeting is on, null while unknown. */
  readonly volatility: number | null;
  /** Bars in a year (e.g. 78 five-minute bars x 252 days), to annualize `volatility`. */
  readonly barsPerYear: number;
}

/**
 * Target position in signed whole shares for one signal (SPEC section 6):
 * `value = equity * base_size_pct * |signal| * confidence`, times
 * `annual_volatility / (volatility * sqrt(barsPerYear))` with volatility targeting, capped at
 * `max_size_pct * equity`; `shares = trunc(value / price)` with the sign of the signal, and 0 when those shares
 * are worth less than `min_order_value` dollars. Throws `InvalidSizingInputError` (`SIZING_INVALID_INPUT`) for
 * inputs outside their domain.
 */
export function targetQuantity(input: SizingInput): number {
  checkSizingInput(input);
  return targetQuantityUnchecked(input);
}

function checkSizingInput(input: SizingInput): void {
  const { signal, confidence, price, equity, volatility, barsPerYear } = input;
  if (!(signal >= -1 && signal <= 1)) throw new InvalidSizingInputError('signal', 'in [-1, 1]', signal);
  if (!(confidence >= 0 && confidence <= 1)) throw new InvalidSizingInputError('confidence', 'in [0, 1]', confidence);
  if (!(price > 0 && Number.isFinite(price))) throw new InvalidSizingInputError('price', 'positive and finite', price);
  if (!Number.isFinite(equity)) throw new InvalidSizingInputError('equity', 'finite', equity);
  if (!input.sizing.volatility_target.enabled) return;
  if (volatility !== null && !(volatility >= 0 && Number.isFinite(volatility))) {
    throw new InvalidSizingInputError('volatility', 'non-negative and finite, or null', volatility);
  }
  if (!(barsPerYear > 0 && Number.isFinite(barsPerYear))) {
    throw new InvalidSizingInputError('barsPerYear', 'positive and finite', barsPerYear);
  }
}

const SHARE_TOLERANCE = 1e-9;

function targetQuantityUnchecked(input: SizingInput): number {
  const { signal, confidence, price, equity, sizing, volatility } = input;
  const strength = Math.abs(signal) * confidence;
  if (strength === 0 || equity <= 0) return 0;
  const target = sizing.volatility_target;
  let value = equity * sizing.base_size_pct * strength;
  if (target.enabled) {
    // Without a volatility estimate (warming up) there is nothing to scale by: hold nothing rather than guess.
    if (volatility === null) return 0;
    // Zero volatility makes the scale infinite; the cap below then decides the size.
    value *= target.annual_volatility / (volatility * Math.sqrt(input.barsPerYear));
  }
  // Whole micro-dollars below the cap, so the check `shares * price <= cap` is exact integer arithmetic.
  const cap = Math.floor(sizing.max_size_pct * equity);
  let capShares = Math.floor(cap / price);
  if (capShares * price > cap) capShares -= 1;
  // Zero times an infinite scale is NaN: nothing to hold.
  if (!(value > 0)) return 0;
  // Float error may leave a whole count of shares a hair short (0.15 / 0.1 = 1.4999999999999998); a billionth of
  // a share of tolerance keeps it whole. The cap stays exact.
  const shares = Math.min(Math.trunc(value / price + SHARE_TOLERANCE), capShares);
  if (shares <= 0 || shares * price < sizing.min_order_value * MICROS_PER_DOLLAR) return 0;
  return signal < 0 ? -shares : shares;
}
