import { localDayOf } from '../calendar/timezone.js';
import { sliceBatch, type BarBatch } from '../data/BarBatch.js';
import type { DataSource, FetchRequest, FetchResult, HealthStatus } from '../data/DataSource.js';
import { SyntheticOptionsError } from './errors.js';
import { generateBars } from './generateBars.js';

/** The seed used when none is given, so every fresh install shows the same demo data. */
export const DEFAULT_SYNTHETIC_SEED = 7;

/** Options of the synthetic source. */
export interface SyntheticSourceOptions {
  readonly seed?: number;
}

function firstAtOrAfter(ts: Float64Array, ms: number): number {
  let low = 0;
  let high = ts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ts[mid]! < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

function clip(batch: BarBatch, startMs: number, endMs: number): BarBatch {
  return sliceBatch(batch, firstAtOrAfter(batch.ts, startMs), firstAtOrAfter(batch.ts, endMs + 1));
}

/**
 * The embedded default data source: generated bars, no account, no network. Bars start on the New York
 * day of `startMs`, so the same request always returns the same bars, and are clipped to the requested
 * range (bar starts from `startMs` to `endMs`, both inclusive). Generated rows are valid by construction,
 * so the quarantine report is always empty.
 */
export class SyntheticSource implements DataSource {
  readonly name = 'synthetic';
  readonly seed: number;

  constructor(options: SyntheticSourceOptions = {}) {
    this.seed = options.seed ?? DEFAULT_SYNTHETIC_SEED;
    if (!Number.isSafeInteger(this.seed)) {
      throw new SyntheticOptionsError([`seed must be a whole number, was ${this.seed}`]);
    }
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { startMs, endMs } = request;
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs > endMs) {
      throw new SyntheticOptionsError([`fetch range must be finite with startMs <= endMs, was ${startMs} to ${endMs}`]);
    }
    const generated = generateBars({
      tickers: request.tickers,
      startDay: localDayOf(startMs),
      endDay: localDayOf(endMs),
      barMs: request.barMs,
      seed: this.seed,
    });
    const batches = generated.batches.map((batch) => clip(batch, startMs, endMs));
    const rows = batches.reduce((sum, batch) => sum + batch.length, 0);
    return {
      bars: { batches, origin: generated.origin },
      quarantine: { rowsIn: rows, rowsOut: rows, rows: [], counts: {} },
    };
  }

  async healthcheck(): Promise<HealthStatus> {
    return { ok: true, detail: `synthetic generator (seed ${this.seed}) needs no account, files or network` };
  }
}
