import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';

interface RocState {
  readonly source: number;
  readonly output: number;
  /** The last `window` values; `head` holds the one from `window` bars ago once full. */
  readonly past: Float64Array;
  head: number;
  filled: number;
}

/**
 * Rate of change over `window` bars as a fraction: x / x[window bars ago] - 1 (TA-Lib ROCP; TA-Lib ROC and
 * technicalindicators ROC give the same number times 100). Reads `column` (default close).
 * Warm-up: input warm-up + window.
 * @see https://ta-lib.org/functions/rocp/
 */
export const roc: FeatureKind = {
  id: 'momentum.roc',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['window', 'column']);
    const size = integerParam(params, 'window', 1);
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + size,
      createState: (): RocState => ({ source: input.slot, output, past: new Float64Array(size), head: 0, filled: 0 }),
      update: updateRoc,
    };
  },
};

/**
 * x / x[window bars ago] - 1 bar by bar. The ring position and fill count live in locals over the range and are
 * written back once.
 */
function updateRoc(state: RocState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  const past = state.past;
  const size = past.length;
  let { head, filled } = state;
  for (let i = from; i < to; i++) {
    const x = input[i]!;
    let value = NaN;
    if (filled === size) value = x / past[head]! - 1;
    else filled++;
    past[head] = x;
    head = head + 1 === size ? 0 : head + 1;
    output[i] = value;
  }
  state.head = head;
  state.filled = filled;
}
