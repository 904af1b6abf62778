import { formatDay, parseDay } from '../calendar/timezone.js';
import { formatBarSize } from '../data/Bar.js';
import { SyntheticOptionsError } from './errors.js';
import type { GenerateBarsOptions } from './generateBars.js';

// Bars must tile both a regular session (390 minutes) and an early close (210 minutes): divisors of 30 minutes.
const LONGEST_BAR_MS = 30 * 60_000;
const SECOND_MS = 1_000;

function describeBarSize(barMs: number): string {
  return Number.isInteger(barMs) && barMs > 0 ? `${formatBarSize(barMs)} (${barMs} ms)` : String(barMs);
}

function checkDay(name: string, day: number, problems: string[]): boolean {
  try {
    if (!Number.isInteger(day)) throw new RangeError('not an integer');
    parseDay(formatDay(day));
    return true;
  } catch {
    problems.push(`${name} must be a calendar day written as yyyymmdd (20250102), was ${day}`);
    return false;
  }
}

/** Throws a SyntheticOptionsError listing every problem with the options, or returns normally. */
export function checkGenerateOptions(options: GenerateBarsOptions): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const ticker of options.tickers) {
    if (typeof ticker !== 'string' || ticker.trim() === '' || ticker.trim() !== ticker) {
      problems.push(`ticker must be a non-empty name without surrounding spaces, was ${JSON.stringify(ticker)}`);
    } else if (seen.has(ticker)) {
      problems.push(`ticker ${JSON.stringify(ticker)} is listed twice`);
    }
    seen.add(ticker);
  }
  const startOk = checkDay('startDay', options.startDay, problems);
  const endOk = checkDay('endDay', options.endDay, problems);
  if (startOk && endOk && options.startDay > options.endDay) {
    problems.push(`startDay ${formatDay(options.startDay)} must not be after endDay ${formatDay(options.endDay)}`);
  }
  const barMs = options.barMs;
  if (!Number.isInteger(barMs) || barMs <= 0 || barMs % SECOND_MS !== 0 || LONGEST_BAR_MS % barMs !== 0) {
    problems.push(
      'bar size must be whole seconds and divide both a regular session (390 minutes) and an early close ' +
        `(210 minutes), so a divisor of 30 minutes such as 1m, 5m, 15m or 30m; was ${describeBarSize(barMs)}`,
    );
  }
  if (!Number.isSafeInteger(options.seed)) {
    problems.push(`seed must be a whole number, was ${options.seed}`);
  }
  if (problems.length > 0) throw new SyntheticOptionsError(problems);
}
