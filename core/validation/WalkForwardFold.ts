/** A half-open range of time-step indices [start, end). */
export interface IndexRange {
  readonly start: number;
  readonly end: number;
}

/** One fold of a walk-forward split. Indices are time steps shared by every ticker; ranges are half-open. */
export interface WalkForwardFold {
  /** Fold number, 0 for the earliest test window. */
  readonly fold: number;
  /** Bounds of the training window [trainStart, trainEnd). */
  readonly trainStart: number;
  readonly trainEnd: number;
  /**
   * The training rows: disjoint sorted ranges inside the bounds. Without embargo this is the single range
   * [trainStart, trainEnd); an embargo cuts the bars right after earlier test windows out of it.
   */
  readonly trainRanges: readonly IndexRange[];
  /** Number of training rows (the summed length of trainRanges). */
  readonly trainBars: number;
  /** The out-of-sample window [testStart, testEnd); trainEnd + purge <= testStart. */
  readonly testStart: number;
  readonly testEnd: number;
}

/** Whether time step `index` is a training row of `fold` (inside one of its trainRanges). */
export function isTrainIndex(fold: WalkForwardFold, index: number): boolean {
  for (const range of fold.trainRanges) {
    if (index >= range.start && index < range.end) return true;
  }
  return false;
}
