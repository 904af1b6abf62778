import { WalkForwardError, WalkForwardErrorCode } from './errors.js';
import { WalkForwardMode, type WalkForwardOptions } from './WalkForwardOptions.js';

/** The options with defaults filled in and checked against a time axis of `steps` bars. */
export interface CheckedWalkForward {
  readonly steps: number;
  readonly folds: number;
  readonly mode: WalkForwardMode;
  readonly purgeBars: number;
  readonly embargoBars: number;
  /** First bar of the first test window: floor(steps x trainFraction). */
  readonly firstTestStart: number;
}

const isCount = (value: number, min: number): boolean => Number.isInteger(value) && value >= min;

function invalid(message: string): WalkForwardError {
  return new WalkForwardError(WalkForwardErrorCode.WALK_FORWARD_INVALID_OPTION, message);
}

/** Number of time steps of the axis: a count, or strictly increasing times (one per step). */
export function countSteps(timeAxis: number | ArrayLike<number>): number {
  if (typeof timeAxis === 'number') {
    if (!isCount(timeAxis, 0)) {
      throw invalid(`the number of time steps must be a non-negative integer, was ${timeAxis}`);
    }
    return timeAxis;
  }
  for (let i = 1; i < timeAxis.length; i++) {
    if (!(timeAxis[i] > timeAxis[i - 1])) {
      throw invalid(`bar times must be sorted and unique, but time ${i} (${timeAxis[i]}) follows ${timeAxis[i - 1]}`);
    }
  }
  return timeAxis.length;
}

/** Checks the options against `steps` bars; throws WalkForwardError naming the first problem. */
export function checkWalkForwardOptions(steps: number, options: WalkForwardOptions): CheckedWalkForward {
  const { folds, mode, trainFraction, horizonBars } = options;
  const purgeBars = options.purgeBars ?? horizonBars;
  const embargoBars = options.embargoBars ?? 0;
  if (!isCount(folds, 1)) throw invalid(`folds must be an integer of at least 1, was ${folds}`);
  if (mode !== WalkForwardMode.ROLLING && mode !== WalkForwardMode.EXPANDING) {
    throw invalid(`mode must be "rolling" or "expanding", was ${JSON.stringify(mode)}`);
  }
  if (!(trainFraction > 0 && trainFraction < 1)) {
    throw invalid(`train_fraction must be between 0 and 1, was ${trainFraction}`);
  }
  if (!isCount(horizonBars, 0)) {
    throw invalid(`the target horizon must be a non-negative integer of bars, was ${horizonBars}`);
  }
  if (!isCount(purgeBars, 0)) throw invalid(`purge_bars must be a non-negative integer, was ${purgeBars}`);
  if (!isCount(embargoBars, 0)) throw invalid(`embargo_bars must be a non-negative integer, was ${embargoBars}`);
  if (purgeBars < horizonBars) {
    throw new WalkForwardError(
      WalkForwardErrorCode.WALK_FORWARD_PURGE_BELOW_HORIZON,
      `purge_bars ${purgeBars} is below the target horizon of ${horizonBars} bars, so training labels would reach into the test window; use at least ${horizonBars}`,
    );
  }
  const firstTestStart = Math.floor(steps * trainFraction);
  const testBars = steps - firstTestStart;
  if (testBars < folds) {
    throw new WalkForwardError(
      WalkForwardErrorCode.WALK_FORWARD_TOO_FEW_BARS,
      `${steps} bars leave ${testBars} bars after the first training window (train_fraction ${trainFraction}), too few for ${folds} test windows of at least one bar`,
    );
  }
  if (firstTestStart - purgeBars < 1) {
    throw new WalkForwardError(
      WalkForwardErrorCode.WALK_FORWARD_TOO_FEW_BARS,
      `${steps} bars x train_fraction ${trainFraction} = ${firstTestStart} bars before the first test window, which leaves no training bar after a purge of ${purgeBars}`,
    );
  }
  return { steps, folds, mode, purgeBars, embargoBars, firstTestStart };
}
