import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs, integerParam } from '../params.js';
import { createRollingSum, isRollingReady, pushRollingSum, type RollingSum } from '../rolling.js';

interface VwapState {
  readonly output: number;
  readonly value: RollingSum;
  readonly volume: RollingSum;
}

/**
 * Rolling volume-weighted average price over the last `window` bars: sum(typical * volume) / sum(volume) with
 * typical = (high + low + close) / 3. NaN while any volume in the window is unknown (-1). A window with zero
 * total volume gives the current bar's typical price. technicalindicators VWAP is cumulative from the first bar;
 * applied to exactly the last `window` bars it gives this value. Warm-up: window.
 * @see https://www.investopedia.com/terms/v/vwap.asp
 */
export const vwap: FeatureKind = {
  id: 'volume.vwap',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window']);
    const size = integerParam(params, 'window', 1);
    expectInputs(this.id, inputs, 0);
    return {
      warmup: size,
      createState: (): VwapState => ({ output, value: createRollingSum(size), volume: createRollingSum(size) }),
      update: updateVwap,
    };
  },
};

function stepVwap(state: VwapState, typical: number, volume: number): number {
  pushRollingSum(state.value, typical * volume);
  pushRollingSum(state.volume, volume);
  if (!isRollingReady(state.volume)) return NaN;
  const total = state.volume.sum;
  return total === 0 ? typical : state.value.sum / total;
}

function updateVwap(state: VwapState, frame: Frame, from: number, to: number): void {
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const volume = frame[BarSlot.volume]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepVwap(state, (high[i]! + low[i]! + close[i]!) / 3, volume[i]!);
}
