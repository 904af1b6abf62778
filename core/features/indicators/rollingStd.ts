import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingSum, pushRollingSums, scratchColumn, type RollingSum } from '../rolling.js';

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

/**
 * Running sums of x (into the output column) and of x * x (into a scratch column), then the variance bar by bar.
 * Both windows see NaN on the same bars, so a NaN sum means the window is not ready (or, only with +-Infinity
 * inputs, an undefined sum: NaN there rather than the clamped 0 of the variance test).
 */
function updateRollingStd(state: RollingStdState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  const squares = scratchColumn(0, to);
  for (let i = from; i < to; i++) squares[i] = input[i]! * input[i]!;
  pushRollingSums(state.sum, input, from, to, output);
  pushRollingSums(state.squares, squares, from, to, squares);
  const n = state.sum.size;
  for (let i = from; i < to; i++) {
    const sum = output[i]!;
    const variance = (squares[i]! - (sum * sum) / n) / (n - 1);
    output[i] = sum !== sum ? NaN : variance > 0 ? Math.sqrt(variance) : 0;
  }
}
