import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, seriesInput } from '../params.js';

interface StepState {
  readonly source: number;
  readonly output: number;
  previous: number;
}

/**
 * Lower low: 1 when `column` (default low) is strictly below its value on the previous bar, else 0. NaN on the
 * first bar. Warm-up: input warm-up + 1.
 */
export const lowerLow: FeatureKind = {
  id: 'structure.lower_low',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['column']);
    const input = seriesInput(this.id, params, inputs, 'low');
    return {
      warmup: input.warmup + 1,
      createState: (): StepState => ({ source: input.slot, output, previous: NaN }),
      update: updateLowerLow,
    };
  },
};

/** Compares each value with the one before (the previous value lives in a local over the range and is written back once). */
function updateLowerLow(state: StepState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  let previous = state.previous;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    output[i] = previous !== previous || x !== x ? NaN : x < previous ? 1 : 0;
    previous = x;
  }
  state.previous = previous;
}
