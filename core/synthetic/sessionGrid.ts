import type { Session } from '../calendar/nyseCalendar.js';
import { intradayShape, type IntradayShape } from './intradayShape.js';
import type { SyntheticParameters } from './SyntheticParameters.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * The time grid of one generation run: every session, split into simulation steps that bars are built from.
 * A step is the largest duration dividing both a minute and the bar, so the path of any bar size of one
 * minute or more is simulated minute by minute, and bars of a whole number of minutes are exact
 * aggregates of the one-minute bars of the same seed.
 */
export interface SessionGrid {
  readonly sessions: readonly Session[];
  readonly barMs: number;
  readonly stepMs: number;
  readonly stepsPerBar: number;
  /** Steps in each session. */
  readonly stepCounts: Int32Array;
  /** Calendar days since the previous session's day (0 for the first session). */
  readonly daysSincePrevious: Int32Array;
  /** Seasonality of each session, shared between sessions of equal length. */
  readonly shapes: readonly IntradayShape[];
  readonly totalSteps: number;
  readonly totalBars: number;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Lays out steps and bars for `sessions`; `barMs` must already divide every session. */
export function buildSessionGrid(
  sessions: readonly Session[],
  barMs: number,
  parameters: SyntheticParameters,
): SessionGrid {
  const stepMs = greatestCommonDivisor(barMs, MINUTE_MS);
  const stepCounts = new Int32Array(sessions.length);
  const daysSincePrevious = new Int32Array(sessions.length);
  const shapeByLength = new Map<number, IntradayShape>();
  const shapes: IntradayShape[] = [];
  let totalSteps = 0;
  sessions.forEach((session, d) => {
    const steps = (session.closeMs - session.openMs) / stepMs;
    let shape = shapeByLength.get(steps);
    if (!shape) {
      shape = intradayShape(steps, stepMs / MINUTE_MS, parameters);
      shapeByLength.set(steps, shape);
    }
    stepCounts[d] = steps;
    shapes.push(shape);
    totalSteps += steps;
    if (d > 0) daysSincePrevious[d] = Math.round((session.openMs - sessions[d - 1]!.openMs) / DAY_MS);
  });
  const stepsPerBar = barMs / stepMs;
  return {
    sessions,
    barMs,
    stepMs,
    stepsPerBar,
    stepCounts,
    daysSincePrevious,
    shapes,
    totalSteps,
    totalBars: totalSteps / stepsPerBar,
  };
}
