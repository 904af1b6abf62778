/** A parsed `durationStr` such as `5 D` or `3600 S`. */
export interface Duration {
  readonly count: number;
  readonly unit: 'S' | 'D' | 'W' | 'M' | 'Y';
}

const SECOND = 1;
const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

/** Bar sizes TWS accepts, in seconds (`1 week` and `1 month` are valid in TWS but not served by the fake). */
export const BAR_SIZES: Readonly<Record<string, number>> = {
  '1 secs': SECOND,
  '5 secs': 5 * SECOND,
  '10 secs': 10 * SECOND,
  '15 secs': 15 * SECOND,
  '30 secs': 30 * SECOND,
  '1 min': MINUTE,
  '2 mins': 2 * MINUTE,
  '3 mins': 3 * MINUTE,
  '5 mins': 5 * MINUTE,
  '10 mins': 10 * MINUTE,
  '15 mins': 15 * MINUTE,
  '20 mins': 20 * MINUTE,
  '30 mins': 30 * MINUTE,
  '1 hour': HOUR,
  '2 hours': 2 * HOUR,
  '3 hours': 3 * HOUR,
  '4 hours': 4 * HOUR,
  '8 hours': 8 * HOUR,
  '1 day': DAY,
};

/** Parses a durationStr (`<n> S|D|W|M|Y`); undefined when malformed. */
export function parseDuration(text: string): Duration | undefined {
  const match = /^(\d+) ([SDWMY])$/.exec(text.trim());
  if (!match) return undefined;
  const count = Number(match[1]);
  return count > 0 ? { count, unit: match[2] as Duration['unit'] } : undefined;
}

/** Bar size in seconds of a barSizeSetting; undefined when TWS would not accept it (or the fake cannot serve it). */
export function parseBarSizeSetting(text: string): number | undefined {
  return BAR_SIZES[text.trim()];
}

/** Length of a duration in seconds for the step table: a day is 86,400 s, a month 31 days, a year 366 days. */
export function durationSeconds(duration: Duration): number {
  const unit = { S: 1, D: DAY, W: 7 * DAY, M: 31 * DAY, Y: 366 * DAY }[duration.unit];
  return duration.count * unit;
}

/**
 * IB's "valid duration and bar size" table (tws-api/historical_limitations.html): each row is the longest
 * duration of that step and the range of bar sizes allowed with it. A request uses the first row whose duration
 * is at least its own.
 */
const STEP_TABLE: readonly { readonly duration: number; readonly minBar: number; readonly maxBar: number }[] = [
  { duration: 60, minBar: SECOND, maxBar: MINUTE },
  { duration: 120, minBar: SECOND, maxBar: 2 * MINUTE },
  { duration: 1_800, minBar: SECOND, maxBar: 30 * MINUTE },
  { duration: 3_600, minBar: 5 * SECOND, maxBar: HOUR },
  { duration: 14_400, minBar: 10 * SECOND, maxBar: 3 * HOUR },
  { duration: 28_800, minBar: 30 * SECOND, maxBar: 8 * HOUR },
  { duration: DAY, minBar: MINUTE, maxBar: DAY },
  { duration: 2 * DAY, minBar: 2 * MINUTE, maxBar: DAY },
  { duration: 7 * DAY, minBar: 3 * MINUTE, maxBar: 7 * DAY },
  { duration: 31 * DAY, minBar: 30 * MINUTE, maxBar: 31 * DAY },
  { duration: Number.POSITIVE_INFINITY, minBar: DAY, maxBar: 31 * DAY },
];

/** Why a duration and bar size cannot go together, or undefined when TWS would serve them. */
export type StepProblem = 'TIME_LENGTH_EXCEEDS_MAX' | 'BAR_LONGER_THAN_DURATION';

/** Checks a duration against a bar size with IB's step table. */
export function checkStep(duration: Duration, barSeconds: number): StepProblem | undefined {
  const seconds = durationSeconds(duration);
  const row = STEP_TABLE.find((candidate) => seconds <= candidate.duration);
  if (!row) return 'TIME_LENGTH_EXCEEDS_MAX';
  if (barSeconds < row.minBar) return 'TIME_LENGTH_EXCEEDS_MAX';
  if (barSeconds > row.maxBar) return 'BAR_LONGER_THAN_DURATION';
  return undefined;
}

/** The whatToShow values the fake serves, all from the same fixture bars (quotes have no volume). */
export const WHAT_TO_SHOW: ReadonlySet<string> = new Set([
  'TRADES',
  'MIDPOINT',
  'BID',
  'ASK',
  'BID_ASK',
  'ADJUSTED_LAST',
]);
