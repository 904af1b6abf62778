import type { TripleBarrierParams } from '../../config/targets.js';
import type { BarBatch } from '../data/BarBatch.js';
import { BarrierLabel } from './labelClasses.js';
import { windowFits } from './windowFits.js';

/**
 * Triple barrier label (Lopez de Prado, Advances in Financial Machine Learning, section 3.4). With entry
 * price E (close[t], or open[t+1] with `entry: next_open`), walk bars t+1..t+N: the first bar with
 * `low <= E * (1 - stop_loss)` gives stop (0), the first with `high >= E * (1 + profit_take)` gives take (2);
 * a bar touching both counts as the stop, because the bar does not tell which came first and the
 * pessimistic reading keeps backtests honest. No hit by bar t+N gives the time limit (1).
 * NaN when [t+1, t+N] does not fit in the data or, when `segments` is given, in the session segment of
 * bar t, even if a barrier is hit before the close; NaN too when a price on the path is NaN.
 */
export function tripleBarrier(
  batch: BarBatch,
  params: TripleBarrierParams,
  segments: Float64Array | null,
): Float64Array {
  const n = params.bars_ahead;
  const { high, low } = batch;
  const reference = params.entry === 'next_open' ? batch.open : batch.close;
  const shift = params.entry === 'next_open' ? 1 : 0;
  const takeFactor = 1 + params.profit_take;
  const stopFactor = 1 - params.stop_loss;
  const stopLabel = BarrierLabel.stop;
  const takeLabel = BarrierLabel.take;
  const out = new Float64Array(batch.length).fill(NaN);
  for (let t = 0; t < batch.length; t++) {
    if (!windowFits(t, n, batch.length, segments)) continue;
    const entry = reference[t + shift]!;
    if (Number.isNaN(entry)) continue;
    const take = entry * takeFactor;
    const stop = entry * stopFactor;
    let label: number = BarrierLabel.timeLimit;
    for (let k = t + 1; k <= t + n; k++) {
      const barLow = low[k]!;
      const barHigh = high[k]!;
      // A NaN price could hide a hit, so it makes the label unknown rather than "not hit".
      if (Number.isNaN(barLow) || Number.isNaN(barHigh)) {
        label = NaN;
        break;
      } else if (barLow <= stop) {
        label = stopLabel;
        break;
      } else if (barHigh >= take) {
        label = takeLabel;
        break;
      }
    }
    out[t] = label;
  }
  return out;
}
