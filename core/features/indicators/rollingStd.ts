import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingSum, isRollingReady, pushRollingSum, type RollingSum } from '../rolling.js';

interface RollingStdState {
  readonly source: number;
  readonly output: number;
  readonly sum: RollingSum;
  readonly squares: RollingSum;
}

/**
 * Rolling sample standard deviation (divisor window - 1) of the last `window` values of the one dependency
 * (volatility_n reads `returns`) or of `column`. Computed from running sums of x and x^2; a negative variance
 * left by rounding is clamped to 0. technicalindicators SD and TA-Lib STDDEV use the population divisor (window):
 * multiply theirs by sqrt(window / (window - 1)). Warm-up: input warm-up + window - 1.
 * @see https://en.wikipedia.org/wiki/Standard_deviation#Corrected_sample_standard_deviation
 */
export const rollingStd: FeatureKind = {
  id: 'volatility.rolling_std',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 2);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + size - 1,
      createState: (): RollingStdState => ({
        source: input.slot,
        output,
        sum: createRollingSum(size),
        squares: createRollingSum(size),
      }),
      update: updateRollingStd,
    };
  },
};

function stepRollingStd(state: RollingStdState, x: number): number {
  const { sum, squares } = state;
  pushRollingSum(sum, x);
  pushRollingSum(squares, x * x);
  if (!isRollingReady(sum)) return NaN;
  const n = sum.size;
  const variance = (squares.sum - (sum.sum * sum.sum) / n) / (n - 1);
  return variance > 0 ? Math.sqrt(variance) : 0;
}

function updateRollingStd(state: RollingStdState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepRollingStd(state, input[i]!);
}
