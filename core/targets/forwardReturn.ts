import type { ForwardReturnParams } from '../../config/targets.js';
import type { BarBatch } from '../data/BarBatch.js';
import { windowFits } from './windowFits.js';

/**
 * Forward return: `close[t+N] / close[t] - 1` with N = bars_ahead, or `close[t+N] / open[t+1] - 1` with
 * `entry: next_open`. NaN where bar t+N is past the data or, when `segments` is given, outside the session
 * segment of bar t. Pass `segments = null` to allow crossing the session close.
 */
export function forwardReturn(
  batch: BarBatch,
  params: ForwardReturnParams,
  segments: Float64Array | null,
): Float64Array {
  const n = params.bars_ahead;
  const close = batch.close;
  const reference = params.entry === 'next_open' ? batch.open : batch.close;
  const shift = params.entry === 'next_open' ? 1 : 0;
  const out = new Float64Array(batch.length).fill(NaN);
  for (let t = 0; t < batch.length; t++) {
    if (!windowFits(t, n, batch.length, segments)) continue;
    out[t] = close[t + n]! / reference[t + shift]! - 1;
  }
  return out;
}
