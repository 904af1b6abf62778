import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, seriesInput } from '../params.js';

interface LogReturnsState {
  readonly source: number;
  readonly output: number;
  previous: number;
}

/**
 * Log return: ln(x / previous x) of `column` (default close). NaN on the first bar. Warm-up: input warm-up + 1.
 * @see https://en.wikipedia.org/wiki/Rate_of_return#Logarithmic_or_continuously_compounded_return
 */
export const logReturns: FeatureKind = {
  id: 'momentum.log_returns',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['column']);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + 1,
      createState: (): LogReturnsState => ({ source: input.slot, output, previous: NaN }),
      update: updateLogReturns,
    };
  },
};

/** ln(x / previous) bar by bar (the previous value lives in a local over the range and is written back once). */
function updateLogReturns(state: LogReturnsState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  let previous = state.previous;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    output[i] = Math.log(x / previous);
    previous = x;
  }
  state.previous = previous;
}
