import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';

interface RsiState {
  readonly source: number;
  readonly output: number;
  readonly size: number;
  previous: number;
  /** Price changes seen, capped at `size` once seeded. */
  changes: number;
  averageGain: number;
  averageLoss: number;
}

/**
 * Relative strength index (Wilder), TA-Lib convention: the first value comes after `window` price changes, with
 * average gain and loss seeded by their simple means; then Wilder smoothing avg = (avg * (n - 1) + x) / n.
 * RSI = 100 * avgGain / (avgGain + avgLoss), in [0, 100]. A window with no movement at all (both averages 0) gives
 * the neutral 50 (TA-Lib gives 0, trading-signals 100). Reads `column` (default close).
 * Warm-up: input warm-up + window.
 * @see https://ta-lib.org/functions/rsi/
 */
export const rsi: FeatureKind = {
  id: 'momentum.rsi',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + size,
      createState: (): RsiState => ({
        source: input.slot,
        output,
        size,
        previous: NaN,
        changes: 0,
        averageGain: 0,
        averageLoss: 0,
      }),
      update: updateRsi,
    };
  },
};

/**
 * Seeds the averages with the sums of the first `size` changes, then Wilder smoothing. The state lives in locals over
 * the range and is written back once (per-bar object writes cost more than the arithmetic).
 */
function updateRsi(state: RsiState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  const size = state.size;
  let { previous, changes, averageGain, averageLoss } = state;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    const change = x - previous;
    previous = x;
    if (change !== change) {
      output[i] = NaN;
      continue;
    }
    const gain = change > 0 ? change : 0;
    const loss = change < 0 ? -change : 0;
    if (changes === size) {
      averageGain = (averageGain * (size - 1) + gain) / size;
      averageLoss = (averageLoss * (size - 1) + loss) / size;
    } else {
      averageGain += gain;
      averageLoss += loss;
      if (++changes < size) {
        output[i] = NaN;
        continue;
      }
      averageGain /= size;
      averageLoss /= size;
    }
    const total = averageGain + averageLoss;
    output[i] = total === 0 ? 50 : (100 * averageGain) / total;
  }
  state.previous = previous;
  state.changes = changes;
  state.averageGain = averageGain;
  state.averageLoss = averageLoss;
}
