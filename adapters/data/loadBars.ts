import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ColumnMap } from '../../config/columnMap.js';
import { assertZone } from '../../core/calendar/timezone.js';
import type { AdjustMode } from '../../core/data/adjust.js';
import { adjustBars } from '../../core/data/adjust.js';
import { parseBarSize } from '../../core/data/Bar.js';
import type { BarSet } from '../../core/data/BarBatch.js';
import {
  EmptyFileError,
  FileUnreadableError,
  InvalidOptionError,
  NoRowsError,
  UnsupportedFormatError,
} from '../../core/data/errors.js';
import type { QuarantineReport } from '../../core/data/Quarantine.js';
import type { RawBars } from '../../core/data/RawBars.js';
import type { BarSelection } from '../../core/data/validateBars.js';
import { validateBars } from '../../core/data/validateBars.js';
import { loadFactorFiles } from './loadFactorFiles.js';
import { readCsvRaw } from './readCsvRaw.js';
import { readParquetRaw } from './readParquetRaw.js';

/** File formats read by extension. */
export type BarFileFormat = 'csv' | 'parquet';

/** Options of `loadBars`; everything is optional, defaults are the recognised columns and New York bar starts. */
export interface LoadBarsOptions {
  /** File format; chosen by the extension when absent. */
  readonly format?: BarFileFormat;
  /** Parsed column map (see `loadColumnMap` for `--map columns.yaml`). */
  readonly map?: ColumnMap;
  /** Known tickers; rows of any other ticker are quarantined as UNKNOWN_TICKER. */
  readonly universe?: readonly string[];
  /** Rows to keep; rows outside are not requested, so neither kept nor quarantined. */
  readonly select?: BarSelection;
  /** Explicit split (and dividend) adjustment from a folder of LEAN factor files. */
  readonly adjust?: { readonly factorDir: string; readonly mode?: AdjustMode };
}

/** Bars, the quarantine report and how many rows fell outside the selection. */
export interface LoadBarsResult {
  readonly bars: BarSet;
  readonly quarantine: QuarantineReport;
  readonly rowsNotRequested: number;
}

/** The format of a bar file by its extension (.csv, .txt, .tsv; .parquet, .pq); throws UnsupportedFormatError. */
export function barFileFormat(path: string): BarFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return 'csv';
  if (extension === '.parquet' || extension === '.pq') return 'parquet';
  throw new UnsupportedFormatError(path);
}

async function readRaw(path: string, format: BarFileFormat, map: ColumnMap | undefined): Promise<RawBars> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new FileUnreadableError(path, error);
  }
  if (size === 0) throw new EmptyFileError(path);
  if (format === 'parquet') {
    return readParquetRaw(path, map);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileUnreadableError(path, error);
  }
  const tabMap =
    map?.delimiter === undefined && extname(path).toLowerCase() === '.tsv' ? { ...map, delimiter: '\t' as const } : map;
  return readCsvRaw(path, bytes, tabMap as ColumnMap | undefined);
}

/**
 * Loads a CSV or Parquet bar file (by extension) into validated bars: columns found by the map or by their
 * recognised names, naive timestamps read in the map's zone (New York by default), bar ends turned into bar starts,
 * every bad row quarantined with its reason. Whole-file problems throw typed errors naming the file.
 */
export async function loadBars(path: string, options: LoadBarsOptions = {}): Promise<LoadBarsResult> {
  const format = options.format ?? barFileFormat(path);
  const map = options.map;
  const zone = map?.timestamps.timezone ?? 'America/New_York';
  try {
    assertZone(zone);
  } catch {
    throw new InvalidOptionError('timestamps.timezone', 'an IANA time zone such as America/New_York or UTC', zone);
  }
  const barMs = map?.bar === undefined ? undefined : parseBarSize(map.bar);
  const raw = await readRaw(path, format, map);
  if (raw.length === 0) throw new NoRowsError(path, raw.columns);
  const result = validateBars(raw, {
    source: path,
    convention: map?.timestamps.convention ?? 'bar_start',
    zone,
    ...(barMs === undefined ? {} : { barMs }),
    ...(options.universe ? { universe: new Set(options.universe) } : {}),
    ...(options.select ? { select: options.select } : {}),
  });
  if (!options.adjust) return result;
  const tickers = result.bars.batches.map((batch) => batch.ticker);
  const factors = await loadFactorFiles(options.adjust.factorDir, tickers);
  return { ...result, bars: adjustBars(result.bars, factors, options.adjust.mode ?? 'split_and_dividend') };
}
