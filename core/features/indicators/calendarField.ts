import { ClockSlot, type FeatureKind, type Frame } from '../FeatureKind.js';
import { checkParamKeys, choiceParam, expectInputs } from '../params.js';

/** Fields of the New York wall clock a feature can report. */
export const CalendarField = {
  hour: 0,
  minute: 1,
  day_of_week: 2,
  day_of_month: 3,
  month: 4,
  quarter: 5,
} as const;
export type CalendarField = keyof typeof CalendarField;

interface CalendarFieldState {
  readonly field: number;
  readonly output: number;
}

/**
 * One field of the bar start in New York time (America/New_York, daylight-saving time included): hour 0-23,
 * minute 0-59, day_of_week 0 = Monday ... 6 = Sunday, day_of_month 1-31, month 1-12, quarter 1-4. Warm-up: 1.
 * @see https://www.iana.org/time-zones
 */
export const calendarField: FeatureKind = {
  id: 'time.calendar_field',
  usesClock: true,
  compile(params, inputs, output) {
    checkParamKeys(params, ['field']);
    expectInputs(this.id, inputs, 0);
    const field = CalendarField[choiceParam(params, 'field', Object.keys(CalendarField) as CalendarField[])];
    return { warmup: 1, createState: (): CalendarFieldState => ({ field, output }), update: updateCalendarField };
  },
};

function updateCalendarField(state: CalendarFieldState, frame: Frame, from: number, to: number): void {
  const output = frame[state.output]!;
  const field = state.field;
  if (field === CalendarField.hour || field === CalendarField.minute) {
    const minuteOfDay = frame[ClockSlot.minuteOfDay]!;
    const divisor = field === CalendarField.hour ? 60 : 1;
    const modulus = field === CalendarField.hour ? 24 : 60;
    for (let i = from; i < to; i++) output[i] = Math.floor(minuteOfDay[i]! / divisor) % modulus;
    return;
  }
  const slot =
    field === CalendarField.day_of_week
      ? ClockSlot.dayOfWeek
      : field === CalendarField.day_of_month
        ? ClockSlot.dayOfMonth
        : field === CalendarField.month
          ? ClockSlot.month
          : ClockSlot.quarter;
  output.set(frame[slot]!.subarray(from, to), from);
}
