import type { Bar } from '../../core/data/Bar.js';
import { VOLUME_UNKNOWN } from '../../core/data/Bar.js';
import { checkBarValues } from '../../core/data/checkBarRow.js';
import { QuarantineReason, type QuarantinedRow } from '../../core/data/Quarantine.js';
import type { IbHistoricalRow } from './connectionTypes.js';

/** Bars of one chunk in the unified schema, the rows set aside, and rows outside the chunk's span. */
export interface ChunkBars {
  readonly bars: Bar[];
  readonly quarantined: QuarantinedRow[];
  /** Rows whose bar starts outside `[fromMs, toMs)`: another chunk's business, not an error. */
  readonly outside: number;
}

const raw = (row: IbHistoricalRow): string => [row.time, row.open, row.high, row.low, row.close, row.volume].join(',');

/**
 * Turns TWS rows (formatDate 2: `time` is the bar start in epoch seconds) into unified bars (`ts` = UTC ms of the
 * bar start) of one chunk: values checked by the core rule, duplicates of a start set aside with a reason,
 * rows outside the span counted, the rest sorted by time.
 */
export function rowsToBars(ticker: string, rows: readonly IbHistoricalRow[], fromMs: number, toMs: number): ChunkBars {
  const bars: Bar[] = [];
  const quarantined: QuarantinedRow[] = [];
  const seen = new Set<number>();
  let outside = 0;
  const setAside = (row: IbHistoricalRow, reason: QuarantineReason, detail: string): void => {
    quarantined.push({ line: 0, ticker, reason, detail, raw: raw(row) });
  };
  for (const row of rows) {
    const seconds = /^\d{9,11}$/.test(row.time) ? Number(row.time) : NaN;
    if (!Number.isFinite(seconds)) {
      setAside(row, QuarantineReason.BAD_TIMESTAMP, `expected epoch seconds (formatDate 2), was "${row.time}"`);
      continue;
    }
    const ts = seconds * 1000;
    if (ts < fromMs || ts >= toMs) {
      outside += 1;
      continue;
    }
    const volume = row.volume < 0 ? VOLUME_UNKNOWN : row.volume;
    const problem = checkBarValues(row.open, row.high, row.low, row.close, volume);
    if (problem) {
      setAside(row, problem.reason, problem.detail);
      continue;
    }
    if (seen.has(ts)) {
      setAside(row, QuarantineReason.DUPLICATE_TIMESTAMP, `a second bar starting at ${new Date(ts).toISOString()}`);
      continue;
    }
    seen.add(ts);
    bars.push({ ticker, ts, open: row.open, high: row.high, low: row.low, close: row.close, volume });
  }
  bars.sort((a, b) => a.ts - b.ts);
  return { bars, quarantined, outside };
}
