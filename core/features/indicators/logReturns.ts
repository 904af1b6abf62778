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

function stepLogReturns(state: LogReturnsState, x: number): number {
  const value = Math.log(x / state.previous);
  state.previous = x;
  return value;
}

function updateLogReturns(state: LogReturnsState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepLogReturns(state, input[i]!);
}
