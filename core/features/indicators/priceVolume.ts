import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface PriceVolumeState {
  readonly output: number;
}

/**
 * Price times volume: close * volume of the bar, the traded value in currency units. NaN where volume is
 * unknown (-1). Warm-up: 1.
 */
export const priceVolume: FeatureKind = {
  id: 'volume.price_volume',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): PriceVolumeState => ({ output }), update: updatePriceVolume };
  },
};

function updatePriceVolume(state: PriceVolumeState, frame: Frame, from: number, to: number): void {
  const close = frame[BarSlot.close]!;
  const volume = frame[BarSlot.volume]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = close[i]! * volume[i]!;
}
