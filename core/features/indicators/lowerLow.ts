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

function stepLowerLow(state: StepState, x: number): number {
  const previous = state.previous;
  state.previous = x;
  if (previous !== previous || x !== x) return NaN;
  return x < previous ? 1 : 0;
}

function updateLowerLow(state: StepState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepLowerLow(state, input[i]!);
}
