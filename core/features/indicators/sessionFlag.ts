import { BarSlot, ClockSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, choiceParam, expectInputs } from '../params.js';

/** Parts of an NYSE trading day, by the bar start in New York time. */
export const SessionPart = { regular: 0, pre_market: 1, after_hours: 2 } as const;
export type SessionPart = keyof typeof SessionPart;

interface SessionFlagState {
  readonly start: number;
  readonly end: number;
  readonly output: number;
}

/** Clock slots bounding each part: start inclusive, end exclusive. */
const EDGES: Readonly<Record<SessionPart, readonly [number, number]>> = {
  regular: [ClockSlot.openMs, ClockSlot.closeMs],
  pre_market: [ClockSlot.preMarketStartMs, ClockSlot.openMs],
  after_hours: [ClockSlot.closeMs, ClockSlot.afterHoursEndMs],
};

/**
 * 1 when the bar start falls in the given part of an NYSE trading day, else 0 (always 0 on weekends and holidays,
 * whose session edges are NaN): `regular` open <= start < close (09:30-16:00, 13:00 on early-close days),
 * `pre_market` 04:00 <= start < 09:30, `after_hours` close <= start < 20:00. Sessions come from core/calendar
 * (sessionOn). Warm-up: 1.
 * @see https://www.nyse.com/markets/hours-calendars
 */
export const sessionFlag: FeatureKind = {
  id: 'time.session_flag',
  usesClock: true,
  compile(params, inputs, output) {
    checkParamKeys(params, ['session']);
    expectInputs(this.id, inputs, 0);
    const [start, end] = EDGES[choiceParam(params, 'session', Object.keys(SessionPart) as SessionPart[])];
    return { warmup: 1, createState: (): SessionFlagState => ({ start, end, output }), update: updateSessionFlag };
  },
};

function updateSessionFlag(state: SessionFlagState, frame: Frame, from: number, to: number): void {
  const ts = frame[BarSlot.ts]!;
  const start = frame[state.start]!;
  const end = frame[state.end]!;
  const output = frame[state.output]!;
  for (let i = from; i < to; i++) output[i] = ts[i]! >= start[i]! && ts[i]! < end[i]! ? 1 : 0;
}
