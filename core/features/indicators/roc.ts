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

function stepRoc(state: RocState, x: number): number {
  const past = state.past;
  const head = state.head;
  let value = NaN;
  if (state.filled === past.length) value = x / past[head]! - 1;
  else state.filled++;
  past[head] = x;
  state.head = head + 1 === past.length ? 0 : head + 1;
  return value;
}

function updateRoc(state: RocState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepRoc(state, input[i]!);
}
