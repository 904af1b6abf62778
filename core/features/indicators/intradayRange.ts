import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface IntradayRangeState {
  readonly output: number;
}

/** Intraday range: (high - low) / close of the bar, a fraction. Warm-up: 1. */
export const intradayRange: FeatureKind = {
  id: 'price_action.intraday_range',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): IntradayRangeState => ({ output }), update: updateIntradayRange };
  },
};

function updateIntradayRange(state: IntradayRangeState, frame: Frame, from: number, to: number): void {
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = (high[i]! - low[i]!) / close[i]!;
}
