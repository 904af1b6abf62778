import { checkArgument } from './errors.js';

// Coefficients of Wichura (1988), Algorithm AS 241 PPND16, Applied Statistics 37(3), 477-484, listed highest degree
// first, each the nearest double of the published 20-digit value. Their sums match the check sums Wichura printed
// (tested), so a mistyped digit fails the tests.
/** AS 241 central region |p - 0.5| <= 0.425: numerator A7..A0 and denominator B7..B1, 1. */
export const AS241_CENTRAL = {
  numerator: [
    2509.0809287301227, 33430.57558358813, 67265.7709270087, 45921.95393154987, 13731.69376550946, 1971.5909503065513,
    133.14166789178438, 3.3871328727963665,
  ],
  denominator: [
    5226.495278852854, 28729.085735721943, 39307.89580009271, 21213.794301586597, 5394.196021424751, 687.1870074920579,
    42.31333070160091, 1,
  ],
} as const;
/** AS 241 intermediate tail, r = sqrt(-ln(min(p, 1 - p))) - 1.6 for r <= 5: C7..C0 over D7..D1, 1. */
export const AS241_INTERMEDIATE = {
  numerator: [
    0.0007745450142783414, 0.022723844989269184, 0.2417807251774506, 1.2704582524523684, 3.6478483247632045,
    5.769497221460691, 4.630337846156546, 1.4234371107496835,
  ],
  denominator: [
    1.0507500716444169e-9, 0.0005475938084995345, 0.015198666563616457, 0.14810397642748008, 0.6897673349851,
    1.6763848301838038, 2.053191626637759, 1,
  ],
} as const;
/** AS 241 far tail, r = sqrt(-ln(min(p, 1 - p))) - 5: E7..E0 over F7..F1, 1. */
export const AS241_FAR = {
  numerator: [
    2.0103343992922881e-7, 2.7115555687434876e-5, 0.0012426609473880784, 0.026532189526576124, 0.29656057182850487,
    1.7848265399172913, 5.463784911164114, 6.657904643501103,
  ],
  denominator: [
    2.0442631033899397e-15, 1.421511758316446e-7, 1.8463183175100548e-5, 0.0007868691311456133, 0.014875361290850615,
    0.1369298809227358, 0.599832206555888, 1,
  ],
} as const;

function horner(coefficients: readonly number[], r: number): number {
  let value = 0;
  for (const coefficient of coefficients) value = value * r + coefficient;
  return value;
}

function ratio(table: { readonly numerator: readonly number[]; readonly denominator: readonly number[] }, r: number) {
  return horner(table.numerator, r) / horner(table.denominator, r);
}

/** Phi^-1(p) without argument checks (p in [0, 1]). */
export function normalQuantileUnchecked(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return q * ratio(AS241_CENTRAL, 0.180625 - q * q);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x = r <= 5 ? ratio(AS241_INTERMEDIATE, r - 1.6) : ratio(AS241_FAR, r - 5);
  return q < 0 ? -x : x;
}

/**
 * Inverse of the standard normal CDF, Phi^-1(p), by Wichura's AS 241 (about 1e-16 relative accuracy). Returns
 * -Infinity at 0 and Infinity at 1; throws ANALYTICS_INVALID_ARGUMENT outside [0, 1] or for NaN.
 */
export function normalQuantile(p: number): number {
  checkArgument('p', p, p >= 0 && p <= 1, 'a probability in [0, 1]');
  return normalQuantileUnchecked(p);
}
