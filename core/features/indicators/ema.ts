import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';

interface EmaState {
  readonly source: number;
  readonly output: number;
  readonly size: number;
  readonly alpha: number;
  /** Valid values seen, capped at `size` once seeded. */
  seen: number;
  seedSum: number;
  value: number;
}

/**
 * Exponential moving average with alpha = 2 / (window + 1), seeded with the simple mean of the first `window`
 * valid values (TA-Lib convention), then `ema += (x - ema) * alpha`. Reads `column` (default close) or its one
 * dependency; NaN inputs (a dependency still warming up, unknown volume) are skipped: the output is NaN on that bar
 * and the state is unchanged. Warm-up: input warm-up + window - 1.
 * @see https://ta-lib.org/functions/ema/
 */
export const ema: FeatureKind = {
  id: 'moving_averages.ema',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + size - 1,
      createState: (): EmaState => ({
        source: input.slot,
        output,
        size,
        alpha: 2 / (size + 1),
        seen: 0,
        seedSum: 0,
        value: NaN,
      }),
      update: updateEma,
    };
  },
};

/**
 * Skips NaN inputs; sums the first `size` valid values for the seed, then smooths. The state is held in locals over
 * the range and written back once (per-bar object writes cost more than the arithmetic).
 */
function updateEma(state: EmaState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  const { size, alpha } = state;
  let { seen, seedSum, value } = state;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    if (x !== x) {
      output[i] = NaN;
    } else if (seen === size) {
      value = (x - value) * alpha + value;
      output[i] = value;
    } else {
      seedSum += x;
      if (++seen === size) value = seedSum / size;
      output[i] = seen === size ? value : NaN;
    }
  }
  state.seen = seen;
  state.seedSum = seedSum;
  state.value = value;
}
