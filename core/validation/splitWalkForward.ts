import { countSteps, checkWalkForwardOptions, type CheckedWalkForward } from './checkWalkForwardOptions.js';
import { WalkForwardError, WalkForwardErrorCode } from './errors.js';
import type { IndexRange, WalkForwardFold } from './WalkForwardFold.js';
import { WalkForwardMode, type WalkForwardOptions } from './WalkForwardOptions.js';

/** Start of every test window and, last, the end of the axis: firstTestStart + floor(k x testBars / folds). */
function testBoundaries(checked: CheckedWalkForward): number[] {
  const { steps, folds, firstTestStart } = checked;
  const testBars = steps - firstTestStart;
  const bounds: number[] = [];
  for (let k = 0; k <= folds; k++) bounds.push(firstTestStart + Math.floor((k * testBars) / folds));
  return bounds;
}

/** [start, end) minus the embargo [bounds[j + 1], bounds[j + 1] + embargo) after each earlier test window j < fold. */
function trainRanges(
  start: number,
  end: number,
  bounds: readonly number[],
  fold: number,
  embargo: number,
): IndexRange[] {
  const ranges: IndexRange[] = [];
  let cursor = start;
  for (let j = 0; j < fold && embargo > 0; j++) {
    const cutStart = Math.max(bounds[j + 1], cursor);
    const cutEnd = Math.min(bounds[j + 1] + embargo, end);
    if (cutStart >= cutEnd) continue;
    if (cursor < cutStart) ranges.push({ start: cursor, end: cutStart });
    cursor = cutEnd;
  }
  if (cursor < end) ranges.push({ start: cursor, end });
  return ranges;
}

/** The split of checked options; throws WALK_FORWARD_TOO_FEW_BARS if the embargo empties a training window. */
export function splitChecked(checked: CheckedWalkForward): WalkForwardFold[] {
  const { folds, mode, purgeBars, embargoBars, firstTestStart } = checked;
  const bounds = testBoundaries(checked);
  const trainLength = firstTestStart - purgeBars;
  const result: WalkForwardFold[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const testStart = bounds[fold];
    const trainEnd = testStart - purgeBars;
    const trainStart = mode === WalkForwardMode.ROLLING ? trainEnd - trainLength : 0;
    const ranges = trainRanges(trainStart, trainEnd, bounds, fold, embargoBars);
    let trainBars = 0;
    for (const range of ranges) trainBars += range.end - range.start;
    if (trainBars === 0) {
      throw new WalkForwardError(
        WalkForwardErrorCode.WALK_FORWARD_TOO_FEW_BARS,
        `fold ${fold} has no training bar left after an embargo of ${embargoBars} bars; lower embargo_bars or use fewer folds`,
      );
    }
    result.push({ fold, trainStart, trainEnd, trainRanges: ranges, trainBars, testStart, testEnd: bounds[fold + 1] });
  }
  return result;
}

/**
 * Purged walk-forward split of a time axis shared by every ticker (a count of time steps, or the sorted unique bar
 * times). The axis after the first floor(steps x trainFraction) bars is cut into `folds` contiguous test windows
 * whose lengths differ by at most one bar; each fold trains on bars ending `purgeBars` before its test window,
 * over a fixed length (rolling) or from bar 0 (expanding), minus the embargo after earlier test windows.
 * Throws WalkForwardError: WALK_FORWARD_PURGE_BELOW_HORIZON, WALK_FORWARD_TOO_FEW_BARS (no test bar per fold, no
 * training bar before the first test, or a training window emptied by the embargo) or WALK_FORWARD_INVALID_OPTION.
 */
export function splitWalkForward(timeAxis: number | ArrayLike<number>, options: WalkForwardOptions): WalkForwardFold[] {
  return splitChecked(checkWalkForwardOptions(countSteps(timeAxis), options));
}
