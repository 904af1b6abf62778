import type { QuarantineReason } from './Quarantine.js';

/** A problem a source found while splitting or parsing one row, before any bar rule is checked. */
export interface RowProblem {
  readonly reason: QuarantineReason;
  readonly detail: string;
}

/**
 * Rows as a source read them, in file order, before validation: one typed array per field.
 * Every source (CSV, Parquet, ...) produces this form so that `validateBars` is the one place where rows are
 * checked, wall-clock times become UTC and bar ends become bar starts.
 */
export interface RawBars {
  readonly length: number;
  /** Column names found in the file (its header or schema), for messages. */
  readonly columns: readonly string[];
  /** Distinct ticker texts; `tickerCode[i]` indexes this list. An empty text means the row had no ticker. */
  readonly tickerNames: readonly string[];
  readonly tickerCode: Int32Array;
  /**
   * Timestamp in epoch ms: when `timeIsWall[i]` is 1 it is the naive wall-clock time written as if it were UTC
   * (`Date.UTC` of the wall fields), to be read in the configured zone; when 0 it is already a UTC instant.
   * NaN when unparseable (the source then records a problem for the row).
   */
  readonly time: Float64Array;
  readonly timeIsWall: Uint8Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  /** Volume; -1 (unknown) where the source has no volume or the cell is empty; NaN when unreadable or null. */
  readonly volume: Float64Array;
  /** Problems found by the source, by row index; such rows are quarantined with this reason. */
  readonly problems: ReadonlyMap<number, RowProblem>;
  /** 1-based line number of row `i` in the file (the row number for formats without lines). */
  lineOf(i: number): number;
  /** The row's original text, kept in the quarantine report. */
  rawText(i: number): string;
  /** True when any row says it was generated (`source` column equal to `synthetic`). */
  readonly synthetic: boolean;
}

/** Allocates raw columns for `length` rows, volume pre-filled with -1 (unknown). */
export function allocateRawColumns(length: number): {
  tickerCode: Int32Array;
  time: Float64Array;
  timeIsWall: Uint8Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
} {
  return {
    tickerCode: new Int32Array(length),
    time: new Float64Array(length),
    timeIsWall: new Uint8Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length).fill(-1),
  };
}
