/** Why a row was set aside. Each reason is counted and reported; no row is dropped silently. */
export const QuarantineReason = {
  HIGH_BELOW_LOW: 'HIGH_BELOW_LOW',
  OPEN_OUTSIDE_RANGE: 'OPEN_OUTSIDE_RANGE',
  CLOSE_OUTSIDE_RANGE: 'CLOSE_OUTSIDE_RANGE',
  NON_POSITIVE_PRICE: 'NON_POSITIVE_PRICE',
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  NEGATIVE_VOLUME: 'NEGATIVE_VOLUME',
  BAD_TIMESTAMP: 'BAD_TIMESTAMP',
  NONEXISTENT_LOCAL_TIME: 'NONEXISTENT_LOCAL_TIME',
  DUPLICATE_TIMESTAMP: 'DUPLICATE_TIMESTAMP',
  OUT_OF_ORDER_TIMESTAMP: 'OUT_OF_ORDER_TIMESTAMP',
  UNKNOWN_TICKER: 'UNKNOWN_TICKER',
  MISSING_TICKER: 'MISSING_TICKER',
  WRONG_FIELD_COUNT: 'WRONG_FIELD_COUNT',
  TRUNCATED_LINE: 'TRUNCATED_LINE',
  OUTSIDE_RANGE: 'OUTSIDE_RANGE',
  /** A signal row whose ticker and time name no bar of the data file. */
  NO_MATCHING_BAR: 'NO_MATCHING_BAR',
  /** A second signal row for a bar that already has one (the first is kept). */
  DUPLICATE_SIGNAL: 'DUPLICATE_SIGNAL',
} as const;
export type QuarantineReason = (typeof QuarantineReason)[keyof typeof QuarantineReason];

/** One set-aside row: where it was, why, and its original text so nothing is lost. */
export interface QuarantinedRow {
  /** 1-based line number in the source file (0 when the source has no lines). */
  readonly line: number;
  readonly ticker: string;
  readonly reason: QuarantineReason;
  readonly detail: string;
  readonly raw: string;
}

/** All set-aside rows of one load plus counts per reason. */
export interface QuarantineReport {
  readonly rowsIn: number;
  readonly rowsOut: number;
  readonly rows: readonly QuarantinedRow[];
  readonly counts: Readonly<Partial<Record<QuarantineReason, number>>>;
}

/** Counts rows per reason. */
export function countReasons(rows: readonly QuarantinedRow[]): Partial<Record<QuarantineReason, number>> {
  const counts: Partial<Record<QuarantineReason, number>> = {};
  for (const row of rows) counts[row.reason] = (counts[row.reason] ?? 0) + 1;
  return counts;
}
