import { InvalidCursorError } from './errors.js';

/** A span of time `[fromMs, toMs)` in UTC ms. */
export type Span = readonly [number, number];

/** A store write in progress: its span and how many bars it carries. */
export interface PendingWrite {
  readonly fromMs: number;
  readonly toMs: number;
  readonly bars: number;
}

/**
 * What a historical fetch has durably written for one (dataset, ticker, bar size): the spans whose bars are in
 * the bar store, and the span of a store write in progress. Resuming skips every chunk inside a covered span.
 */
export interface FetchCursor {
  readonly version: 1;
  readonly dataset: string;
  readonly ticker: string;
  readonly bar: string;
  readonly rth: boolean;
  /** Sorted, disjoint, non-adjacent spans. */
  readonly covered: readonly Span[];
  /**
   * Set just before a store append and cleared after it, so a crash in between can be settled on resume: the span
   * counts as covered only when the store holds all its bars (an append may touch several files).
   */
  readonly pending: PendingWrite | null;
}

/** A cursor with nothing written yet. */
export function emptyCursor(dataset: string, ticker: string, bar: string, rth: boolean): FetchCursor {
  return { version: 1, dataset, ticker, bar, rth, covered: [], pending: null };
}

/** The cursor with `[fromMs, toMs)` added to its covered spans (merged with overlapping or touching ones). */
export function withCovered(cursor: FetchCursor, fromMs: number, toMs: number): FetchCursor {
  if (!(fromMs < toMs)) return cursor;
  const merged: Span[] = [];
  let from = fromMs;
  let to = toMs;
  for (const span of cursor.covered) {
    if (span[1] < from || span[0] > to) {
      merged.push(span);
    } else {
      from = Math.min(from, span[0]);
      to = Math.max(to, span[1]);
    }
  }
  merged.push([from, to]);
  merged.sort((a, b) => a[0] - b[0]);
  return { ...cursor, covered: merged };
}

/** The cursor with a store write marked as in progress (or none, with null). */
export function withPending(cursor: FetchCursor, pending: PendingWrite | null): FetchCursor {
  return { ...cursor, pending };
}

/** True when `[fromMs, toMs)` lies inside one covered span. */
export function isCovered(cursor: FetchCursor, fromMs: number, toMs: number): boolean {
  return cursor.covered.some((span) => span[0] <= fromMs && toMs <= span[1]);
}

function isSpan(value: unknown): value is Span {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isSafeInteger(value[0]) &&
    Number.isSafeInteger(value[1]) &&
    (value[0] as number) < (value[1] as number)
  );
}

/** Checks a parsed JSON value against the cursor shape; `where` names the file in the error. */
export function parseCursor(value: unknown, where: string): FetchCursor {
  if (typeof value !== 'object' || value === null) throw new InvalidCursorError(where, 'expected a JSON object');
  const record = value as Record<string, unknown>;
  if (record['version'] !== 1) {
    throw new InvalidCursorError(where, `version must be 1, was ${JSON.stringify(record['version'])}`);
  }
  for (const key of ['dataset', 'ticker', 'bar'] as const) {
    if (typeof record[key] !== 'string') {
      throw new InvalidCursorError(where, `${key} must be a string, was ${JSON.stringify(record[key])}`);
    }
  }
  if (typeof record['rth'] !== 'boolean') {
    throw new InvalidCursorError(where, `rth must be true or false, was ${JSON.stringify(record['rth'])}`);
  }
  const covered = record['covered'];
  if (!Array.isArray(covered) || !covered.every(isSpan)) {
    throw new InvalidCursorError(where, 'covered must be a list of [fromMs, toMs] pairs with fromMs < toMs');
  }
  const pending = record['pending'] as Record<string, unknown> | null;
  const pendingOk =
    pending === null ||
    (typeof pending === 'object' &&
      isSpan([pending['fromMs'], pending['toMs']]) &&
      Number.isSafeInteger(pending['bars']) &&
      (pending['bars'] as number) > 0);
  if (!pendingOk) {
    throw new InvalidCursorError(
      where,
      'pending must be null or { fromMs, toMs, bars } with fromMs < toMs and bars > 0',
    );
  }
  let cursor = emptyCursor(
    record['dataset'] as string,
    record['ticker'] as string,
    record['bar'] as string,
    record['rth'],
  );
  for (const span of covered) cursor = withCovered(cursor, span[0], span[1]);
  return withPending(
    cursor,
    pending === null
      ? null
      : { fromMs: pending['fromMs'] as number, toMs: pending['toMs'] as number, bars: pending['bars'] as number },
  );
}
