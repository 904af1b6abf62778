import type { VolatilityRegimeParams } from '../../config/targets.js';
import type { BarBatch } from '../data/BarBatch.js';
import { VolatilityLabel } from './labelClasses.js';
import { windowFits } from './windowFits.js';

/**
 * Volatility regime. With simple returns `r[i] = close[i] / close[i-1] - 1` and realized volatility
 * `RV(a..b) = sqrt(sum of r[i]^2 for i in a..b)` (not demeaned), the ratio is
 * `RV(t+1..t+W) / RV(t-W+1..t)` with W = window: low_vol (0) when `ratio < threshold_low`, high_vol (2)
 * when `ratio > threshold_high`, normal (1) otherwise. A flat past with a moving future is high_vol
 * (ratio Infinity); flat on both sides is NaN (0/0). NaN when t < W or t+W is past the data, or, when
 * `segments` is given, bar t+W lies outside the session segment of bar t. The backward window is history
 * known at the decision and may span the previous session, overnight return included.
 */
export function volatilityRegime(
  batch: BarBatch,
  params: VolatilityRegimeParams,
  segments: Float64Array | null,
): Float64Array {
  const w = params.window;
  const close = batch.close;
  const length = batch.length;
  const low = VolatilityLabel.low;
  const normal = VolatilityLabel.normal;
  const high = VolatilityLabel.high;
  // squares[i] = r[i]^2. Window sums come from prefix and suffix sums inside blocks of w returns
  // (blocks [1..w], [w+1..2w], ...): a window is one whole block or a block suffix plus the next block's
  // prefix. That is O(n) without a running sum, so there is no drift and a flat window sums to exactly 0.
  const squares = new Float64Array(length).fill(NaN);
  for (let i = 1; i < length; i++) {
    const r = close[i]! / close[i - 1]! - 1;
    squares[i] = r * r;
  }
  // Index i >= 1 sits at offset (i - 1) % w in its block; counters avoid a division per bar.
  const prefix = new Float64Array(length);
  const suffix = new Float64Array(length);
  for (let i = 1, offset = 0; i < length; i++, offset = offset === w - 1 ? 0 : offset + 1) {
    prefix[i] = (offset === 0 ? 0 : prefix[i - 1]!) + squares[i]!;
  }
  for (let i = length - 1, offset = (length - 2) % w; i >= 1; i--, offset = offset === 0 ? w - 1 : offset - 1) {
    suffix[i] = (offset === w - 1 || i === length - 1 ? 0 : suffix[i + 1]!) + squares[i]!;
  }
  const out = squares.fill(NaN);
  for (let t = w, offset = w - 1; t < length; t++, offset = offset === w - 1 ? 0 : offset + 1) {
    if (!windowFits(t, w, length, segments)) continue;
    // offset is that of t. Sums of squares[i] for i in t-w+1..t (backward) and t+1..t+w (forward): when t
    // ends a block, each window is one whole block.
    const blockEnd = offset === w - 1;
    const backward = blockEnd ? prefix[t]! : suffix[t - w + 1]! + prefix[t]!;
    const forward = blockEnd ? prefix[t + w]! : suffix[t + 1]! + prefix[t + w]!;
    const ratio = Math.sqrt(forward / backward);
    if (Number.isNaN(ratio)) continue;
    out[t] = ratio < params.threshold_low ? low : ratio > params.threshold_high ? high : normal;
  }
  return out;
}
