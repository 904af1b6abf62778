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

function stepHigherHigh(state: StepState, x: number): number {
  const previous = state.previous;
  state.previous = x;
  if (previous !== previous || x !== x) return NaN;
  return x > previous ? 1 : 0;
}

function updateHigherHigh(state: StepState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepHigherHigh(state, input[i]!);
}
