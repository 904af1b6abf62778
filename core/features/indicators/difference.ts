import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface DifferenceState {
  readonly left: number;
  readonly right: number;
  readonly output: number;
}

/** Difference of two dependencies, first minus second (macd - macd_signal). Warm-up: the larger input warm-up. */
export const difference: FeatureKind = {
  id: 'math.difference',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 2);
    const [left, right] = [inputs[0]!, inputs[1]!];
    return {
      warmup: Math.max(left.warmup, right.warmup),
      createState: (): DifferenceState => ({ left: left.slot, right: right.slot, output }),
      update: updateDifference,
    };
  },
};

function updateDifference(state: DifferenceState, frame: Frame, from: number, to: number): void {
  const left = frame[state.left]!;
  const right = frame[state.right]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = left[i]! - right[i]!;
}
