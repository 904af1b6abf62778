/**
 * How model outputs become signals. Classification: `signal = P(long) - P(short)` and `confidence =
 * (p_max - 1/k) / (1 - 1/k)`, the winning probability rescaled so a uniform guess is 0 and certainty is 1.
 * Regression: `signal = clip(prediction / scale, -1, 1)` and `confidence = |signal|`.
 */

/** Where the long and short class probabilities sit in a row of `k` class probabilities. */
export interface ClassLayout {
  readonly k: number;
  readonly long: number;
  readonly short: number;
}

/** Keeps a value inside [low, high]; NaN stays NaN so a broken output is never hidden. */
function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

/** Confidence of a classification row: the winning probability mapped from [1/k, 1] onto [0, 1]. */
export function classConfidence(probabilities: ArrayLike<number>, offset: number, k: number): number {
  let best = probabilities[offset]!;
  for (let c = 1; c < k; c++) {
    const p = probabilities[offset + c]!;
    if (p > best) best = p;
  }
  const uniform = 1 / k;
  return clamp((best - uniform) / (1 - uniform), 0, 1);
}

/** Signal of a classification row: P(long) - P(short), clamped only against rounding. */
export function classSignal(probabilities: ArrayLike<number>, offset: number, layout: ClassLayout): number {
  return clamp(probabilities[offset + layout.long]! - probabilities[offset + layout.short]!, -1, 1);
}

/** Signal of a regression prediction: the prediction in units of `scale`, clipped to [-1, 1]. */
export function regressionSignal(prediction: number, scale: number): number {
  return clamp(prediction / scale, -1, 1);
}

/** Maps `rows` rows of row-major class probabilities into `signal` and `confidence`, starting at row `at`. */
export function mapClassRows(
  probabilities: ArrayLike<number>,
  rows: number,
  layout: ClassLayout,
  signal: Float64Array,
  confidence: Float64Array,
  at = 0,
): void {
  for (let row = 0; row < rows; row++) {
    const offset = row * layout.k;
    signal[at + row] = classSignal(probabilities, offset, layout);
    confidence[at + row] = classConfidence(probabilities, offset, layout.k);
  }
}

/** Maps `rows` regression predictions into `signal` and `confidence` (= |signal|), starting at row `at`. */
export function mapRegressionRows(
  predictions: ArrayLike<number>,
  rows: number,
  scale: number,
  signal: Float64Array,
  confidence: Float64Array,
  at = 0,
): void {
  for (let row = 0; row < rows; row++) {
    const value = regressionSignal(predictions[row]!, scale);
    signal[at + row] = value;
    confidence[at + row] = Math.abs(value);
  }
}
