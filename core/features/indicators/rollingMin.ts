import type { FeatureKind } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { createRollingExtreme } from '../rollingExtreme.js';
import { updateRollingExtreme, type RollingExtremeState } from './rollingMax.js';

/**
 * Rolling minimum of `column` (default low) over the last `window` bars, the current bar included (causal: no
 * future bar). local_min is the lowest low of the last 10 bars. Warm-up: input warm-up + window - 1.
 * @see https://en.wikipedia.org/wiki/Donchian_channel
 */
export const rollingMin: FeatureKind = {
  id: 'structure.rolling_min',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'low');
    return {
      warmup: input.warmup + size - 1,
      createState: (): RollingExtremeState => ({ source: input.slot, output, window: createRollingExtreme(size, -1) }),
      update: updateRollingExtreme,
    };
  },
};
