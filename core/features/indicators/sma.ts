import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingSum, isRollingReady, pushRollingSum, type RollingSum } from '../rolling.js';

interface SmaState {
  readonly source: number;
  readonly output: number;
  readonly window: RollingSum;
}

/**
 * Simple moving average: the arithmetic mean of the last `window` values of `column` (default close) or of the one
 * dependency. NaN until `window` values are in, and while any value in the window is NaN (unknown volume).
 * Warm-up: input warm-up + window - 1.
 * @see https://www.investopedia.com/terms/s/sma.asp
 */
export const sma: FeatureKind = {
  id: 'moving_averages.sma',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + size - 1,
      createState: (): SmaState => ({ source: input.slot, output, window: createRollingSum(size) }),
      update: updateSma,
    };
  },
};

/** One bar: adds `x`, returns the mean of the window. */
function stepSma(state: SmaState, x: number): number {
  const window = state.window;
  pushRollingSum(window, x);
  return isRollingReady(window) ? window.sum / window.size : NaN;
}

function updateSma(state: SmaState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepSma(state, input[i]!);
}
