import { REGULAR_OPEN_MINUTE } from '../../calendar/index.js';
import { ClockSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, expectInputs } from '../params.js';

interface MarketOpenMinutesState {
  readonly output: number;
}

/**
 * Minutes from 09:30 New York wall-clock time of the bar's own day to the bar start: 0 for the opening bar, 385 for
 * the 15:55 bar, negative before the open (-330 at 04:00). Counted on the wall clock, on every day including
 * weekends and holidays. Warm-up: 1.
 */
export const marketOpenMinutes: FeatureKind = {
  id: 'time.market_open_minutes',
  usesClock: true,
  compile(params, inputs, output) {
    checkParamKeys(params, []);
    expectInputs(this.id, inputs, 0);
    return { warmup: 1, createState: (): MarketOpenMinutesState => ({ output }), update: updateMarketOpenMinutes };
  },
};

function updateMarketOpenMinutes(state: MarketOpenMinutesState, frame: Frame, from: number, to: number): void {
  const minuteOfDay = frame[ClockSlot.minuteOfDay]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = minuteOfDay[i]! - REGULAR_OPEN_MINUTE;
}
