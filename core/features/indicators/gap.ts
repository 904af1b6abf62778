import { BarSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface GapState {
  readonly output: number;
  previousClose: number;
}

/**
 * Gap: open / previous close - 1, a fraction; across the overnight break it is the opening gap. NaN on the first
 * bar. Warm-up: 2.
 * @see https://www.investopedia.com/terms/g/gap.asp
 */
export const gap: FeatureKind = {
  id: 'price_action.gap',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 2, createState: (): GapState => ({ output, previousClose: NaN }), update: updateGap };
  },
};

/** open / previous close - 1 bar by bar (the previous value lives in a local over the range and is written back once). */
function updateGap(state: GapState, frame: Frame, from: number, to: number): void {
  const open = frame[BarSlot.open]!;
  const close = frame[BarSlot.close]!;
  const output = frame[state.output]!;
  let previousClose = state.previousClose;
  for (let i = from; i < to; i++) {
    output[i] = open[i]! / previousClose - 1;
    previousClose = close[i]!;
  }
  state.previousClose = previousClose;
}
