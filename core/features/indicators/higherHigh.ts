import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, seriesInput } from '../params.js';

interface StepState {
  readonly source: number;
  readonly output: number;
  previous: number;
}

/**
 * Higher high: 1 when `column` (default high) is strictly above its value on the previous bar, else 0. NaN on the
 * first bar. Warm-up: input warm-up + 1.
 */
export const higherHigh: FeatureKind = {
  id: 'structure.higher_high',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['column']);
    const input = seriesInput(this.id, params, inputs, 'high');
    return {
      warmup: input.warmup + 1,
      createState: (): StepState => ({ source: input.slot, output, previous: NaN }),
      update: updateHigherHigh,
    };
  },
};

/** Compares each value with the one before (the previous value lives in a local over the range and is written back once). */
function updateHigherHigh(state: StepState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  let previous = state.previous;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    output[i] = previous !== previous || x !== x ? NaN : x > previous ? 1 : 0;
    previous = x;
  }
  state.previous = previous;
}
