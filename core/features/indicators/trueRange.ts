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

/** The largest of the three ranges bar by bar (the previous value lives in a local over the range and is written back once). */
function updateTrueRange(state: TrueRangeState, frame: Frame, from: number, to: number): void {
  const highs = frame[BarSlot.high]!;
  const lows = frame[BarSlot.low]!;
  const closes = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  let previous = state.previousClose;
  for (let i = from; i < to; i++) {
    const high = highs[i]!;
    const low = lows[i]!;
    const range = high - low;
    if (previous !== previous) {
      output[i] = range;
    } else {
      const up = Math.abs(high - previous);
      const down = Math.abs(low - previous);
      output[i] = range >= up ? (range >= down ? range : down) : up >= down ? up : down;
    }
    previous = closes[i]!;
  }
  state.previousClose = previous;
}
