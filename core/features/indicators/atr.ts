import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs, integerParam } from '../params.js';

interface AtrState {
  readonly source: number;
  readonly output: number;
  readonly size: number;
  /** Bars seen; the first is skipped. */
  bars: number;
  /** Inputs averaged so far, capped at `size` once seeded. */
  count: number;
  value: number;
}

/**
 * Average true range (Wilder), TA-Lib convention, over its one dependency `true_range`: the true range of the first
 * bar (which has no previous close) is skipped, the first value is the mean of the next `window` true ranges, then
 * Wilder smoothing atr = (atr * (n - 1) + tr) / n. trading-signals ATR instead includes the first bar's high - low.
 * NaN inputs are skipped (NaN out, state unchanged). Warm-up: max(input warm-up, 2) + window - 1.
 * @see https://ta-lib.org/functions/atr/
 */
export const atr: FeatureKind = {
  id: 'volatility.atr',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window']);
    const size = integerParam(params, 'window', 1);
    expectInputs(this.id, inputs, 1);
    const input = inputs[0]!;
    return {
      warmup: Math.max(input.warmup, 2) + size - 1,
      createState: (): AtrState => ({ source: input.slot, output, size, bars: 0, count: 0, value: 0 }),
      update: updateAtr,
    };
  },
};

/**
 * Skips the first bar and NaN inputs; sums the first `size` true ranges for the seed, then Wilder smoothing. The
 * counters and the average live in locals over the range and are written back once.
 */
function updateAtr(state: AtrState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  const size = state.size;
  let { bars, count, value } = state;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    if (++bars === 1 || x !== x) {
      output[i] = NaN;
    } else if (count === size) {
      value = (value * (size - 1) + x) / size;
      output[i] = value;
    } else {
      value += x;
      if (++count === size) value /= size;
      output[i] = count === size ? value : NaN;
    }
  }
  state.bars = bars;
  state.count = count;
  state.value = value;
}
