import type { FeatureKind, Frame } from '../FeatureKind.js';
import { checkParamKeys, integerParam, seriesInput } from '../params.js';
import { FeatureParamError } from '../errors.js';

interface MacdState {
  readonly source: number;
  readonly output: number;
  readonly fastSize: number;
  readonly slowSize: number;
  readonly fastAlpha: number;
  readonly slowAlpha: number;
  seen: number;
  fastSum: number;
  slowSum: number;
  fast: number;
  slow: number;
}

/**
 * Moving average convergence divergence line: EMA(fast) - EMA(slow) of `column` (default close), each EMA seeded
 * with the simple mean of its own first `window` values (as `moving_averages.ema` and technicalindicators MACD with
 * SimpleMAOscillator false). TA-Lib differs slightly: it seeds the fast EMA later so both start on the same bar.
 * The signal line is `moving_averages.ema` with window 9 over this feature, the histogram `math.difference`.
 * Warm-up: input warm-up + slow - 1.
 * @see https://www.investopedia.com/terms/m/macd.asp
 */
export const macd: FeatureKind = {
  id: 'momentum.macd',
  usesClock: false,
  compile(params, inputs, output) {
    checkParamKeys(params, ['fast', 'slow', 'column']);
    const fastSize = integerParam(params, 'fast', 1, 12);
    const slowSize = integerParam(params, 'slow', 1, 26);
    if (fastSize >= slowSize) {
      throw new FeatureParamError(`params.fast must be smaller than params.slow, was ${fastSize} >= ${slowSize}`);
    }
    const input = seriesInput(this.id, params, inputs, 'close');
    return {
      warmup: input.warmup + slowSize - 1,
      createState: (): MacdState => ({
        source: input.slot,
        output,
        fastSize,
        slowSize,
        fastAlpha: 2 / (fastSize + 1),
        slowAlpha: 2 / (slowSize + 1),
        seen: 0,
        fastSum: 0,
        slowSum: 0,
        fast: NaN,
        slow: NaN,
      }),
      update: updateMacd,
    };
  },
};

function stepMacd(state: MacdState, x: number): number {
  if (x !== x) return NaN;
  if (state.seen === state.slowSize) {
    state.fast = (x - state.fast) * state.fastAlpha + state.fast;
    state.slow = (x - state.slow) * state.slowAlpha + state.slow;
    return state.fast - state.slow;
  }
  const seen = ++state.seen;
  if (seen < state.fastSize) state.fastSum += x;
  else if (seen === state.fastSize) state.fast = (state.fastSum + x) / state.fastSize;
  else state.fast = (x - state.fast) * state.fastAlpha + state.fast;
  state.slowSum += x;
  if (seen < state.slowSize) return NaN;
  state.slow = state.slowSum / state.slowSize;
  return state.fast - state.slow;
}

function updateMacd(state: MacdState, frame: Frame, from: number, to: number): void {
  const input = frame[state.source]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = stepMacd(state, input[i]!);
}
