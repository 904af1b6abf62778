import type { DirectionParams } from '../../config/targets.js';
import type { BarBatch } from '../data/BarBatch.js';
import { forwardReturn } from './forwardReturn.js';
import { DirectionLabel } from './labelClasses.js';

/**
 * Direction with a dead zone: the forward return r over bars_ahead bars is long (2) when
 * `r > threshold`, short (0) when `r < -threshold`, hold (1) otherwise, so a return exactly on the
 * threshold is hold. NaN wherever the forward return is NaN.
 */
export function direction(batch: BarBatch, params: DirectionParams, segments: Float64Array | null): Float64Array {
  const out = forwardReturn(batch, params, segments);
  const threshold = params.threshold;
  for (let t = 0; t < out.length; t++) {
    const r = out[t]!;
    if (Number.isNaN(r)) continue;
    out[t] = r > threshold ? DirectionLabel.long : r < -threshold ? DirectionLabel.short : DirectionLabel.hold;
  }
  return out;
}
