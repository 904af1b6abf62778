import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface TrueRangeState {
  readonly output: number;
  previousClose: number;
}

/**
 * True range: max(high - low, |high - previous close|, |low - previous close|); on the first bar of a ticker, where
 * there is no previous close, high - low (as trading-signals TR; technicalindicators TrueRange gives no value there).
 * Warm-up: 1.
 * @see https://www.investopedia.com/terms/a/atr.asp
 */
export const trueRange: FeatureKind = {
  id: 'volatility.true_range',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): TrueRangeState => ({ output, previousClose: NaN }), update: updateTrueRange };
  },
};

function stepTrueRange(state: TrueRangeState, high: number, low: number, close: number): number {
  const previous = state.previousClose;
  state.previousClose = close;
  const range = high - low;
  if (previous !== previous) return range;
  const up = Math.abs(high - previous);
  const down = Math.abs(low - previous);
  return range >= up ? (range >= down ? range : down) : up >= down ? up : down;
}

function updateTrueRange(state: TrueRangeState, frame: Frame, from: number, to: number): void {
  const high = frame[BarSlot.high]!;
  const low = frame[BarSlot.low]!;
  const close = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepTrueRange(state, high[i]!, low[i]!, close[i]!);
}
