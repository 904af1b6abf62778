import type { ExperimentConfig } from '../../config/experiment.js';
import { splitWalkForward, walkForwardOptions } from '../validation/index.js';
import { WalkForwardError, WalkForwardErrorCode } from '../validation/errors.js';
import type { IndexRange } from '../validation/WalkForwardFold.js';
import type { FoldPlan, RowRange } from './contracts.js';

/** Share of each fold's training steps, at its end, that validates for early stopping (at least one step). */
export const VALID_FRACTION = 0.2;

/** The walk-forward plan of a dataset: its time axis length and one plan per fold. */
export interface FoldPlanSet {
  /** Distinct bar times: the walk-forward time axis. */
  readonly steps: number;
  readonly folds: FoldPlan[];
}

/** The distinct times of sorted row times and, for each, its first row; `firstRow[steps]` is the row count. */
interface TimeAxis {
  readonly times: Float64Array;
  readonly firstRow: Int32Array;
}

function timeAxisOf(rowTimes: ArrayLike<number>): TimeAxis {
  const starts: number[] = [];
  const times: number[] = [];
  for (let row = 0; row < rowTimes.length; row++) {
    const at = rowTimes[row]!;
    if (!Number.isFinite(at) || (row > 0 && at < rowTimes[row - 1]!)) {
      throw new WalkForwardError(
        WalkForwardErrorCode.WALK_FORWARD_INVALID_OPTION,
        `row times must be finite and sorted (rows ordered by ts, ticker), but row ${row} (${at}) follows ${rowTimes[row - 1]}`,
      );
    }
    if (row === 0 || at !== rowTimes[row - 1]) {
      starts.push(row);
      times.push(at);
    }
  }
  starts.push(rowTimes.length);
  return { times: Float64Array.from(times), firstRow: Int32Array.from(starts) };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The step ranges cut at `end` (exclusive): what is left of `ranges` before it. */
function cutBefore(ranges: readonly IndexRange[], end: number): IndexRange[] {
  return ranges
    .filter((range) => range.start < end)
    .map((range) => ({ start: range.start, end: Math.min(range.end, end) }));
}

/** The longest prefix of the rows [start, end) whose labels all end before `boundary` (every row without labelEnds). */
function cutLabels(range: RowRange, labelEnds: ArrayLike<number> | undefined, boundary: number): RowRange {
  if (labelEnds === undefined) return range;
  for (let row = range[0]; row < range[1]; row++) {
    // Rows are sorted by time, so whatever follows a row whose label reaches the boundary is at least as close.
    if (labelEnds[row]! >= boundary) return [range[0], row];
  }
  return range;
}

function tooFew(fold: number, detail: string): WalkForwardError {
  return new WalkForwardError(
    WalkForwardErrorCode.WALK_FORWARD_TOO_FEW_BARS,
    `fold ${fold} ${detail}; use fewer folds, a larger train_fraction or more data`,
  );
}

/**
 * The walk-forward folds of a dataset in rows. `rowTimes` holds one bar start (UTC ms) per row, rows sorted by
 * (ts, ticker), so each distinct time is one step and a step range is a row range. The steps come from
 * core/validation `splitWalkForward` (purge between training and test defaults to `horizon`). Inside each fold's
 * training window the last VALID_FRACTION of its steps (floor, at least one; only from its last piece when an
 * embargo cut the window) validate for early stopping, and the `horizon` steps before the validation part are
 * purged from training, so no training label reaches validation and neither reaches the test window.
 *
 * Steps count bar times of all tickers together, but a label looks `horizon` bars of its own ticker ahead, which
 * spans more steps where that ticker misses bars. `labelEnds` (optional, one per row: the bar start of the last bar
 * the row's label uses, NaN for a row without a label) closes that gap: each training range ends before its first
 * row whose label reaches the validation window, and the validation range before its first row whose label
 * reaches the test window. Throws WalkForwardError: WALK_FORWARD_TOO_FEW_BARS (with the numbers) or
 * WALK_FORWARD_INVALID_OPTION.
 */
export function planFolds(
  rowTimes: ArrayLike<number>,
  walkForward: ExperimentConfig['walk_forward'],
  horizon: number,
  labelEnds?: ArrayLike<number>,
): FoldPlanSet {
  const { times, firstRow } = timeAxisOf(rowTimes);
  if (labelEnds !== undefined && labelEnds.length !== rowTimes.length) {
    throw new WalkForwardError(
      WalkForwardErrorCode.WALK_FORWARD_INVALID_OPTION,
      `label ends must be given for every row: ${labelEnds.length} for ${rowTimes.length} rows`,
    );
  }
  const steps = times.length;
  const rows = (range: IndexRange): RowRange => [firstRow[range.start]!, firstRow[range.end]!];
  const folds = splitWalkForward(times, walkForwardOptions(walkForward, horizon)).map((fold): FoldPlan => {
    const last = fold.trainRanges[fold.trainRanges.length - 1]!;
    const validSteps = Math.min(Math.max(1, Math.floor(fold.trainBars * VALID_FRACTION)), last.end - last.start);
    const valid: IndexRange = { start: last.end - validSteps, end: last.end };
    const trainSteps = cutBefore(fold.trainRanges, valid.start - horizon);
    if (trainSteps.length === 0) {
      throw tooFew(
        fold.fold,
        `has ${fold.trainBars} training bar times (of ${steps}): a validation window of ${validSteps} plus a ` +
          `purge of ${horizon} leaves none to train on`,
      );
    }
    const train = trainSteps
      .map((range) => cutLabels(rows(range), labelEnds, times[valid.start]!))
      .filter(([start, end]) => start < end);
    if (train.length === 0) {
      throw tooFew(fold.fold, 'has no training row whose label ends before the validation window starts');
    }
    const validRows = cutLabels(rows(valid), labelEnds, times[fold.testStart]!);
    if (validRows[0] === validRows[1]) {
      throw tooFew(fold.fold, `has no validation row whose label ends before the test window starts`);
    }
    return {
      fold: fold.fold,
      train_rows: train,
      valid_rows: validRows,
      test_rows: rows({ start: fold.testStart, end: fold.testEnd }),
      train_from: iso(rowTimes[train[0]![0]]!),
      train_to: iso(rowTimes[validRows[1] - 1]!),
      test_from: iso(times[fold.testStart]!),
      test_to: iso(times[fold.testEnd - 1]!),
    };
  });
  return { steps, folds };
}
