import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingExtreme, pushRollingExtremes, type RollingExtreme } from '../rollingExtreme.js';

/** State of rolling_max and rolling_min: the sign inside the window selects which. */
export interface RollingExtremeState {
  readonly source: number;
  readonly output: number;
  readonly window: RollingExtreme;
}

/**
 * Rolling maximum of `column` (default high) over the last `window` bars, the current bar included (causal: no
 * future bar). local_max is the highest high of the last 10 bars. Warm-up: input warm-up + window - 1.
 * @see https://en.wikipedia.org/wiki/Donchian_channel
 */
export const rollingMax: FeatureKind = {
  id: 'structure.rolling_max',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'high');
    return {
      warmup: input.warmup + size - 1,
      createState: (): RollingExtremeState => ({ source: input.slot, output, window: createRollingExtreme(size, 1) }),
      update: updateRollingExtreme,
    };
  },
};

/** Shared by rolling_max and rolling_min. */
export function updateRollingExtreme(state: RollingExtremeState, frame: Frame, from: number, to: number): void {
  pushRollingExtremes(state.window, frame[state.source]!, from, to, frame[state.output]!);
}
