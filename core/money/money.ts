/**
 * Cash, prices and P&L are integers in micro-dollars (1e-6 USD) held in ordinary numbers: exact for sums below
 * 9e9 dollars, so cash never drifts the way float sums do, and as fast as floats. Quantities are whole shares.
 */
export type Micros = number & { readonly __unit: 'micros' };

/** Micro-dollars per dollar. */
export const MICROS_PER_DOLLAR = 1_000_000;

/** Dollars (a price or an amount) to micro-dollars, rounded half away from zero. */
export function toMicros(dollars: number): Micros {
  const scaled = dollars * MICROS_PER_DOLLAR;
  return (scaled < 0 ? -Math.round(-scaled) : Math.round(scaled)) as Micros;
}

/** Micro-dollars to dollars, for reports and metrics only (never for further cash arithmetic). */
export function toDollars(micros: Micros): number {
  return micros / MICROS_PER_DOLLAR;
}

/** Sum of two amounts (exact). */
export function addMicros(a: Micros, b: Micros): Micros {
  return (a + b) as Micros;
}

/** `price x quantity` in micro-dollars: exact because a price in micros times whole shares is an integer. */
export function notional(priceMicros: Micros, quantity: number): Micros {
  return (priceMicros * quantity) as Micros;
}

/** Zero micro-dollars. */
export const ZERO_MICROS = 0 as Micros;
