import type { BarBatch, BarSet } from './BarBatch.js';
import { checkBarValues } from './checkBarRow.js';
import { BarSizeUnknownError, InvalidOptionError } from './errors.js';
import { inferBarSizes } from './inferBarSize.js';
import { countReasons, QuarantineReason } from './Quarantine.js';
import type { QuarantinedRow, QuarantineReport } from './Quarantine.js';
import type { RawBars, RowProblem } from './RawBars.js';
import { createWallToUtc } from './wallToUtc.js';

/** Whether a file's timestamps mark the start or the end of each bar. */
export type TimestampConvention = 'bar_start' | 'bar_end';

/** Which rows a caller wants; rows outside are not requested (neither kept nor quarantined). */
export interface BarSelection {
  /** Tickers wanted; absent or empty means all. */
  readonly tickers?: ReadonlySet<string>;
  /** Inclusive UTC range of bar starts, epoch ms. */
  readonly startMs?: number;
  readonly endMs?: number;
}

/** How `validateBars` reads the raw rows. */
export interface ValidateOptions {
  /** Names the data in the origin and in errors (a file path). */
  readonly source: string;
  readonly convention: TimestampConvention;
  /** IANA zone of naive timestamps. */
  readonly zone: string;
  /** Bar size in ms; when absent it is inferred per ticker (see `inferBarSizes`). */
  readonly barMs?: number;
  /** Known tickers; rows of others are quarantined as UNKNOWN_TICKER. Absent means any ticker is known. */
  readonly universe?: ReadonlySet<string>;
  readonly select?: BarSelection;
}

/** Clean bars, the quarantine report, and how many rows were outside the selection. */
export interface ValidationResult {
  readonly bars: BarSet;
  readonly quarantine: QuarantineReport;
  readonly rowsNotRequested: number;
}

const OK = 1;
const SET_ASIDE = 2;
const NOT_REQUESTED = 3;

/**
 * Validates raw rows into bars. Every row ends up in exactly one place: a batch, the quarantine report (with line,
 * reason, detail and raw text), or the not-requested count; `rowsIn = rowsOut + quarantined`. Wall-clock times are
 * converted to UTC here and only here; bar ends become bar starts by subtracting the bar size. Per ticker,
 * timestamps must strictly increase in file order: a row equal to the last kept one is a DUPLICATE_TIMESTAMP, an
 * earlier one OUT_OF_ORDER_TIMESTAMP, and the first occurrence is kept. Batches come out sorted by ticker.
 */
export function validateBars(raw: RawBars, options: ValidateOptions): ValidationResult {
  if (options.barMs !== undefined && !(options.barMs > 0)) {
    throw new InvalidOptionError('barMs', 'a positive number of milliseconds', String(options.barMs));
  }
  return validateUnchecked(raw, options);
}

function validateUnchecked(raw: RawBars, options: ValidateOptions): ValidationResult {
  const n = raw.length;
  const tickerCount = raw.tickerNames.length;
  const state = new Uint8Array(n);
  const utc = new Float64Array(n);
  const problems: { index: number; problem: RowProblem }[] = [];
  const setAside = (i: number, problem: RowProblem): void => {
    state[i] = SET_ASIDE;
    problems.push({ index: i, problem });
  };
  const wanted = options.select?.tickers && options.select.tickers.size > 0 ? options.select.tickers : undefined;
  const toUtc = createWallToUtc(options.zone);

  // Ticker rules depend only on the ticker, so decide them once per distinct ticker, not once per row.
  const tickerRule = raw.tickerNames.map((ticker): RowProblem | typeof NOT_REQUESTED | null => {
    if (ticker === '') return { reason: QuarantineReason.MISSING_TICKER, detail: 'ticker is empty' };
    if (wanted && !wanted.has(ticker)) return NOT_REQUESTED;
    if (options.universe && !options.universe.has(ticker)) {
      return { reason: QuarantineReason.UNKNOWN_TICKER, detail: `ticker "${ticker}" is not in the universe` };
    }
    return null;
  });
  const checkSource = raw.problems.size > 0;

  for (let i = 0; i < n; i++) {
    const sourceProblem = checkSource ? raw.problems.get(i) : undefined;
    if (sourceProblem) {
      setAside(i, sourceProblem);
      continue;
    }
    const rule = tickerRule[raw.tickerCode[i]!]!;
    if (rule === NOT_REQUESTED) {
      state[i] = NOT_REQUESTED;
      continue;
    }
    if (rule !== null) {
      setAside(i, rule);
      continue;
    }
    const time = raw.time[i]!;
    if (Number.isNaN(time)) {
      setAside(i, { reason: QuarantineReason.BAD_TIMESTAMP, detail: 'timestamp is empty' });
      continue;
    }
    const instant = raw.timeIsWall[i] === 1 ? toUtc(time) : time;
    if (Number.isNaN(instant)) {
      const wall = new Date(time).toISOString().slice(0, 19).replace('T', ' ');
      const detail = `${wall} does not exist in ${options.zone} (skipped when daylight-saving time starts)`;
      setAside(i, { reason: QuarantineReason.NONEXISTENT_LOCAL_TIME, detail });
      continue;
    }
    const valueProblem = checkBarValues(raw.open[i]!, raw.high[i]!, raw.low[i]!, raw.close[i]!, raw.volume[i]!);
    if (valueProblem) {
      setAside(i, valueProblem);
      continue;
    }
    utc[i] = instant;
    state[i] = OK;
  }

  const barSizes = resolveBarSizes(raw, options, utc, state, tickerCount);
  applySelectionAndOrder(raw, options, utc, state, barSizes, setAside);
  return assemble(raw, options, utc, state, barSizes, problems);
}

function resolveBarSizes(
  raw: RawBars,
  options: ValidateOptions,
  utc: Float64Array,
  state: Uint8Array,
  tickerCount: number,
): Float64Array {
  if (options.barMs !== undefined) return new Float64Array(tickerCount).fill(options.barMs);
  const usable = state.map((value) => (value === OK ? 1 : 0));
  const sizes = inferBarSizes(utc, raw.tickerCode, usable, tickerCount);
  if (options.convention === 'bar_end' && usable.includes(1) && sizes.some((size) => size === 0)) {
    throw new BarSizeUnknownError(options.source);
  }
  return sizes;
}

function applySelectionAndOrder(
  raw: RawBars,
  options: ValidateOptions,
  utc: Float64Array,
  state: Uint8Array,
  barSizes: Float64Array,
  setAside: (i: number, problem: RowProblem) => void,
): void {
  const startMs = options.select?.startMs ?? Number.NEGATIVE_INFINITY;
  const endMs = options.select?.endMs ?? Number.POSITIVE_INFINITY;
  const shiftEnds = options.convention === 'bar_end';
  const lastStart = new Float64Array(raw.tickerNames.length).fill(Number.NEGATIVE_INFINITY);
  const lastRow = new Int32Array(raw.tickerNames.length).fill(-1);
  const keptStarts: (Map<number, number> | undefined)[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (state[i] !== OK) continue;
    const code = raw.tickerCode[i]!;
    const start = shiftEnds ? utc[i]! - barSizes[code]! : utc[i]!;
    utc[i] = start;
    if (start < startMs || start > endMs) {
      state[i] = NOT_REQUESTED;
      continue;
    }
    const previous = lastStart[code]!;
    if (start <= previous) {
      // Rare path: an earlier start is a duplicate when some kept row of the ticker has it, else out of order.
      let kept = keptStarts[code];
      if (!kept) {
        kept = new Map();
        for (let j = 0; j < i; j++) if (state[j] === OK && raw.tickerCode[j] === code) kept.set(utc[j]!, j);
        keptStarts[code] = kept;
      }
      const twin = kept.get(start);
      const at = new Date(start).toISOString();
      setAside(
        i,
        twin !== undefined
          ? { reason: QuarantineReason.DUPLICATE_TIMESTAMP, detail: `bar start ${at} repeats line ${raw.lineOf(twin)}` }
          : {
              reason: QuarantineReason.OUT_OF_ORDER_TIMESTAMP,
              detail: `bar start ${at} is before ${new Date(previous).toISOString()} on line ${raw.lineOf(lastRow[code]!)}`,
            },
      );
      continue;
    }
    keptStarts[code]?.set(start, i);
    lastStart[code] = start;
    lastRow[code] = i;
  }
}

function assemble(
  raw: RawBars,
  options: ValidateOptions,
  utc: Float64Array,
  state: Uint8Array,
  barSizes: Float64Array,
  problems: readonly { index: number; problem: RowProblem }[],
): ValidationResult {
  const tickerCount = raw.tickerNames.length;
  const counts = new Int32Array(tickerCount);
  let notRequested = 0;
  for (let i = 0; i < raw.length; i++) {
    if (state[i] === OK) counts[raw.tickerCode[i]!]! += 1;
    else if (state[i] === NOT_REQUESTED) notRequested += 1;
  }
  const order = raw.tickerNames
    .map((ticker, code) => ({ ticker, code }))
    .filter(({ code }) => counts[code]! > 0)
    .sort((a, b) => (a.ticker < b.ticker ? -1 : a.ticker > b.ticker ? 1 : 0));
  const offset = new Int32Array(tickerCount);
  let total = 0;
  for (const { code } of order) {
    offset[code] = total;
    total += counts[code]!;
  }
  // Destination of each kept row in ticker-sorted order. When every row is kept and the file is already in that
  // order (the usual clean file), the raw columns are the result and nothing is copied.
  const destination = new Int32Array(raw.length).fill(-1);
  let identity = total === raw.length;
  for (let i = 0; i < raw.length; i++) {
    if (state[i] !== OK) continue;
    const target = offset[raw.tickerCode[i]!]!++;
    destination[i] = target;
    if (target !== i) identity = false;
  }
  const scatter = (source: Float64Array): Float64Array => {
    if (identity) return source;
    const out = new Float64Array(total);
    for (let i = 0; i < raw.length; i++) if (destination[i]! >= 0) out[destination[i]!] = source[i]!;
    return out;
  };
  const columns = {
    ts: scatter(utc),
    open: scatter(raw.open),
    high: scatter(raw.high),
    low: scatter(raw.low),
    close: scatter(raw.close),
    volume: scatter(raw.volume),
  };
  let start = 0;
  const batches: BarBatch[] = order.map(({ ticker, code }) => {
    const end = start + counts[code]!;
    const view = (column: Float64Array): Float64Array => column.subarray(start, end);
    const batch: BarBatch = {
      ticker,
      barMs: barSizes[code]!,
      length: end - start,
      ts: view(columns.ts),
      open: view(columns.open),
      high: view(columns.high),
      low: view(columns.low),
      close: view(columns.close),
      volume: view(columns.volume),
    };
    start = end;
    return batch;
  });
  const rows: QuarantinedRow[] = [...problems]
    .sort((a, b) => a.index - b.index)
    .map(({ index, problem }) => ({
      line: raw.lineOf(index),
      ticker: raw.tickerNames[raw.tickerCode[index]!] ?? '',
      reason: problem.reason,
      detail: problem.detail,
      raw: raw.rawText(index),
    }));
  const rowsIn = raw.length - notRequested;
  return {
    bars: { batches, origin: { kind: raw.synthetic ? 'synthetic' : 'file', detail: options.source } },
    quarantine: { rowsIn, rowsOut: rowsIn - rows.length, rows, counts: countReasons(rows) },
    rowsNotRequested: notRequested,
  };
}
