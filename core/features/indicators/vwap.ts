import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs, integerParam } from '../params.js';
import { createRollingSum, pushRollingSums, scratchColumn, type RollingSum } from '../rolling.js';

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

/**
 * Running sums of typical * volume (in a scratch column) and of volume (into the output column), then their ratio
 * bar by bar; the volume window alone decides readiness.
 */
function updateVwap(state: VwapState, frame: Frame, from: number, to: number): void {
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const volume = frame[BarSlot.volume]!;
  const output = frame[state.output]!;
  const values = scratchColumn(0, to);
  for (let i = from; i < to; i++) values[i] = ((high[i]! + low[i]! + close[i]!) / 3) * volume[i]!;
  pushRollingSums(state.value, values, from, to, values);
  pushRollingSums(state.volume, volume, from, to, output);
  for (let i = from; i < to; i++) {
    const total = output[i]!;
    if (total === 0) output[i] = (high[i]! + low[i]! + close[i]!) / 3;
    else if (total === total) output[i] = values[i]! / total;
  }
}
