import { AnalyticsErrorCode, AnalyticsInputError } from './errors.js';

/** Throws ANALYTICS_LENGTH_MISMATCH unless both series have the same length. */
export function checkPaired(x: ArrayLike<number>, y: ArrayLike<number>): void {
  if (x.length !== y.length) {
    throw new AnalyticsInputError(
      AnalyticsErrorCode.ANALYTICS_LENGTH_MISMATCH,
      `paired series must have the same length, were ${x.length} and ${y.length}`,
    );
  }
}

/** Pearson correlation of paired finite values, unchecked: NaN below 2 pairs or when either side is constant. */
export function pearsonOfFinite(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  let sumX = 0;
  let sumY = 0;
  let constantX = true;
  let constantY = true;
  for (let i = 0; i < n; i++) {
    sumX += x[i];
    sumY += y[i];
    if (x[i] !== x[0]) constantX = false;
    if (y[i] !== y[0]) constantY = false;
  }
  if (constantX || constantY) return Number.NaN;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // Rounding can push |r| a hair past 1 for exactly linear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** The pairs of (x[i], y[i]) where both values are finite, as two new arrays. */
export function finitePairs(x: ArrayLike<number>, y: ArrayLike<number>): [Float64Array, Float64Array] {
  checkPaired(x, y);
  let count = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i]) && Number.isFinite(y[i])) count++;
  const keptX = new Float64Array(count);
  const keptY = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (Number.isFinite(x[i]) && Number.isFinite(y[i])) {
      keptX[k] = x[i];
      keptY[k] = y[i];
      k++;
    }
  }
  return [keptX, keptY];
}

/**
 * Pearson correlation of x and y over the pairs where both are finite (pairs with a NaN or infinite value are
 * skipped). NaN below 2 such pairs or when either side is constant over them.
 */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [keptX, keptY] = finitePairs(x, y);
  return pearsonOfFinite(keptX, keptY);
}
