import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface BodyRangeRatioState {
  readonly output: number;
}

/**
 * Body to range ratio: |close - open| / (high - low), 1 for a bar with no wicks, 0 for a doji. A bar with
 * high == low (no range, so no body either) gives 0. Warm-up: 1.
 */
export const bodyRangeRatio: FeatureKind = {
  id: 'price_action.body_range_ratio',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): BodyRangeRatioState => ({ output }), update: updateBodyRangeRatio };
  },
};

function updateBodyRangeRatio(state: BodyRangeRatioState, frame: Frame, from: number, to: number): void {
  const open = frame[BarSlot.open]!;
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) {
    const range = high[i]! - low[i]!;
    output[i] = range > 0 ? Math.abs(close[i]! - open[i]!) / range : 0;
  }
}
