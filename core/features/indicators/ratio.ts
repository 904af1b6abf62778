import { BAR_COLUMNS, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, choiceParam, columnInput, expectInputs } from '../params.js';

interface RatioState {
  readonly numerator: number;
  readonly denominator: number;
  readonly output: number;
}

/**
 * Ratio of two inputs: with two dependencies, the first divided by the second (sma_5 / sma_20); with
 * `params.column` and one dependency, the bar column divided by the dependency (close / sma_20).
 * 0 / 0 is defined as 1 (both windows equal, e.g. no volume at all), so the value is never NaN on valid data.
 * Warm-up: the larger input warm-up.
 */
export const ratio: FeatureKind = {
  id: 'math.ratio',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['column']);
    const hasColumn = params['column'] !== undefined;
    expectInputs(this.id, inputs, hasColumn ? 1 : 2);
    const [numerator, denominator] = hasColumn
      ? [columnInput(choiceParam(params, 'column', BAR_COLUMNS)), inputs[0]!]
      : [inputs[0]!, inputs[1]!];
    return {
      warmup: Math.max(numerator.warmup, denominator.warmup),
      createState: (): RatioState => ({ numerator: numerator.slot, denominator: denominator.slot, output }),
      update: updateRatio,
    };
  },
};

/** top / bottom bar by bar, with 0 / 0 = 1: the zero tests run only when the quotient is NaN (rare). */
function updateRatio(state: RatioState, frame: Frame, from: number, to: number): void {
  const top = frame[state.numerator]!;
  const bottom = frame[state.denominator]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) {
    const quotient = top[i]! / bottom[i]!;
    output[i] = quotient === quotient || top[i]! !== 0 || bottom[i]! !== 0 ? quotient : 1;
  }
}
