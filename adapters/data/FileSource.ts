import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { formatBarSize } from '../../core/data/Bar.js';
import type { DataSource, FetchRequest, FetchResult, HealthStatus } from '../../core/data/DataSource.js';
import { InvalidOptionError } from '../../core/data/errors.js';
import type { BarFileFormat, LoadBarsOptions } from './loadBars.js';
import { barFileFormat, loadBars } from './loadBars.js';

/** Options of a file source: everything `loadBars` takes except the selection, which comes with each fetch. */
export type FileSourceOptions = Omit<LoadBarsOptions, 'select' | 'format'>;

/**
 * A bar file as a DataSource. Each fetch reads and validates the file and keeps the requested tickers (all when the
 * list is empty) and bar starts inside [startMs, endMs]; other rows are not requested, so they are neither returned
 * nor quarantined, and the quarantine report covers the requested rows only. Files are not resampled: a request
 * whose bar size differs from the file's is refused.
 */
export class FileSource implements DataSource {
  readonly name: string;
  readonly path: string;
  readonly format: BarFileFormat;
  readonly #options: FileSourceOptions;

  constructor(path: string, options: FileSourceOptions = {}, format: BarFileFormat = barFileFormat(path)) {
    this.path = path;
    this.format = format;
    this.name = `${format}:${path}`;
    this.#options = options;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const result = await loadBars(this.path, {
      ...this.#options,
      format: this.format,
      select: { tickers: new Set(request.tickers), startMs: request.startMs, endMs: request.endMs },
    });
    if (request.barMs > 0) {
      const other = result.bars.batches.find((batch) => batch.barMs > 0 && batch.barMs !== request.barMs);
      if (other) {
        throw new InvalidOptionError(
          'barMs',
          `the bar size of ${this.path} (${formatBarSize(other.barMs)} for ${other.ticker}); files are not resampled`,
          formatBarSize(request.barMs),
        );
      }
    }
    return { bars: result.bars, quarantine: result.quarantine };
  }

  async healthcheck(): Promise<HealthStatus> {
    try {
      await access(this.path, constants.R_OK);
      const info = await stat(this.path);
      if (!info.isFile()) return { ok: false, detail: `${this.path} is not a file` };
      return { ok: true, detail: `${this.path} is readable (${info.size} bytes, ${this.format})` };
    } catch (error) {
      return {
        ok: false,
        detail: `${this.path} is not readable: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
}
