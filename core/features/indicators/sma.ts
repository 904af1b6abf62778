import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingSum, pushRollingSums, type RollingSum } from '../rolling.js';

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

/** The window means straight into the output column (NaN while the window is not ready). */
function updateSma(state: SmaState, frame: Frame, from: number, to: number): void {
  const window = state.window;
  pushRollingSums(window, frame[state.source]!, from, to, frame[state.output]!, window.size);
}
