import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, seriesInput } from '../params.js';

interface ReturnsState {
  readonly source: number;
  readonly output: number;
  previous: number;
}

/**
 * Simple return: x / previous x - 1 of `column` (default close), a fraction (0.01 = +1%). NaN on the first bar.
 * Warm-up: input warm-up + 1.
 * @see https://www.investopedia.com/terms/r/return.asp
 */
export const returns: FeatureKind = {
  id: 'momentum.returns',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['column']);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + 1,
      createState: (): ReturnsState => ({ source: input.slot, output, previous: NaN }),
      update: updateReturns,
    };
  },
};

/** x / previous - 1 bar by bar (the previous value lives in a local over the range and is written back once). */
function updateReturns(state: ReturnsState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  let previous = state.previous;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    output[i] = x / previous - 1;
    previous = x;
  }
  state.previous = previous;
}
