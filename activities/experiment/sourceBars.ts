import { resolve } from 'node:path';
import { loadBars } from '../../adapters/data/loadBars.js';
import { BarStore } from '../../adapters/store/BarStore.js';
import { StoreErrorCode } from '../../adapters/store/errors.js';
import type { AppConfig } from '../../config/configFiles.js';
import type { ExperimentConfig } from '../../config/experiment.js';
import { AppError } from '../../core/AppError.js';
import { addDays, localToUtc, NEW_YORK, parseDay, splitDay } from '../../core/calendar/index.js';
import { formatBarSize, parseBarSize } from '../../core/data/Bar.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import type { QuarantineReport } from '../../core/data/Quarantine.js';
import type { BlobStore } from '../../core/storage/blobStore.js';
import { generateBars } from '../../core/synthetic/index.js';
import { BadExperimentDataError } from './errors.js';

/** An experiment's `data` section (config/experiment.ts ExperimentDataSchema, defaults filled). */
export type ExperimentData = ExperimentConfig['data'];

/** Bars of the experiment from its source, before they are stored. */
export interface SourceBars {
  readonly bars: BarSet;
  /** Bad rows set aside by the file reader (0 for generated and stored bars). */
  readonly quarantined: number;
  /** The report of a file source, to store beside the bars when rows were set aside. */
  readonly quarantine: QuarantineReport | null;
}

/** How the report labels the data: "synthetic", the source file's absolute path, or "ibkr". */
export function sourceLabel(data: ExperimentData): string {
  if (data.source === 'csv' || data.source === 'parquet') return resolve(data.path ?? '');
  return data.source;
}

/** The inclusive UTC range of bar starts on New York days `start` to `end` (midnight to midnight). */
export function newYorkDayRange(start: string, end: string): { startMs: number; endMs: number } {
  const midnight = (day: number): number => {
    const { year, month, day: dom } = splitDay(day);
    // New York changes its clocks at 02:00, so midnight always exists and is unique.
    return localToUtc(Date.UTC(year, month - 1, dom), NEW_YORK);
  };
  return { startMs: midnight(parseDay(start)), endMs: midnight(addDays(parseDay(end), 1)) - 1 };
}

function fetchCommand(data: ExperimentData, bar: string): string {
  return `intraday fetch --source ibkr --tickers ${data.tickers.join(',')} --start ${data.start} --end ${data.end} --bar ${bar}`;
}

async function fromFile(data: ExperimentData, app: AppConfig): Promise<SourceBars> {
  const path = sourceLabel(data);
  const { startMs, endMs } = newYorkDayRange(data.start, data.end);
  let loaded;
  try {
    loaded = await loadBars(path, {
      format: data.source === 'csv' ? 'csv' : 'parquet',
      select: { tickers: new Set(data.tickers), startMs, endMs },
    });
  } catch (error) {
    // A missing, empty or malformed file will not heal on a retry: bad data, never retried.
    if (error instanceof AppError) throw new BadExperimentDataError(`data.path "${path}": ${error.message}`);
    throw error;
  }
  const { rowsIn, rowsOut } = loaded.quarantine;
  const quarantined = rowsIn - rowsOut;
  const limit = app.system.data.quarantine_limit_pct;
  const share = rowsIn === 0 ? 0 : (100 * quarantined) / rowsIn;
  if (share > limit) {
    throw new BadExperimentDataError(
      `data.path "${path}": ${quarantined} of ${rowsIn} rows (${share.toFixed(1)}%) were quarantined, above the ` +
        `limit of ${limit}% (config/system.yaml data.quarantine_limit_pct); check the file's columns and timestamps`,
    );
  }
  return { bars: loaded.bars, quarantined, quarantine: loaded.quarantine };
}

async function fromStore(data: ExperimentData, blobs: BlobStore): Promise<SourceBars> {
  const bar = formatBarSize(parseBarSize(data.bar));
  const dataset = `ibkr-${bar}`;
  const { startMs, endMs } = newYorkDayRange(data.start, data.end);
  try {
    const bars = await new BarStore(blobs).read(dataset, { tickers: data.tickers, start: startMs, end: endMs });
    return { bars, quarantined: 0, quarantine: null };
  } catch (error) {
    if (error instanceof AppError && error.code === StoreErrorCode.DATASET_NOT_FOUND) {
      throw new BadExperimentDataError(
        `data.source ibkr: the bar store has no dataset "${dataset}" (${error.message}); run \`${fetchCommand(data, bar)}\` first`,
      );
    }
    throw error;
  }
}

/**
 * The bars of an experiment's data section: generated (seeded, as `intraday data generate`), read from a CSV or
 * Parquet file (bad rows quarantined; refused above the configured share), or read from the bar store dataset
 * `ibkr-<bar>` that `intraday fetch` fills. Only the experiment's tickers and New York days are kept; a ticker
 * without bars is refused by name. Bad data throws BadExperimentDataError.
 */
export async function loadSourceBars(data: ExperimentData, app: AppConfig, blobs: BlobStore): Promise<SourceBars> {
  let result: SourceBars;
  if (data.source === 'synthetic') {
    const bars = generateBars({
      tickers: data.tickers,
      startDay: parseDay(data.start),
      endDay: parseDay(data.end),
      barMs: parseBarSize(data.bar),
      seed: data.seed,
    });
    result = { bars, quarantined: 0, quarantine: null };
  } else if (data.source === 'ibkr') {
    result = await fromStore(data, blobs);
  } else {
    result = await fromFile(data, app);
  }
  const present = new Set(result.bars.batches.filter((batch) => batch.length > 0).map((batch) => batch.ticker));
  const missing = data.tickers.filter((ticker) => !present.has(ticker));
  if (missing.length > 0) {
    const where = data.source === 'synthetic' ? 'the generator' : `source ${sourceLabel(data)}`;
    const hint = data.source === 'ibkr' ? `; run \`${fetchCommand(data, formatBarSize(parseBarSize(data.bar)))}\`` : '';
    throw new BadExperimentDataError(
      `data: ${where} has no bars for ticker${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `from ${data.start} to ${data.end} (New York days)${hint}`,
    );
  }
  return result;
}
