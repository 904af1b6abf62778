import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface PricePositionState {
  readonly output: number;
}

/**
 * Price position: where the close sits in the bar's range, (close - low) / (high - low), 0 at the low and 1 at the
 * high. A bar with high == low gives the neutral 0.5. Warm-up: 1.
 */
export const pricePosition: FeatureKind = {
  id: 'price_action.price_position',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): PricePositionState => ({ output }), update: updatePricePosition };
  },
};

function updatePricePosition(state: PricePositionState, frame: Frame, from: number, to: number): void {
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) {
    const range = high[i]! - low[i]!;
    output[i] = range > 0 ? (close[i]! - low[i]!) / range : 0.5;
  }
}
