import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

/** The repository root (this file lives in tests/support). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared real-data folder that sits beside the checkout in CI; a user's checkout has none. */
export const SHARED_DATA = process.env['INTRADAY_SHARED_DATA'] ?? resolve(REPO_ROOT, '..', 'shared', 'data');

/** Absolute path of a file inside the shared data folder. */
export function sharedFile(relative: string): string {
  return resolve(SHARED_DATA, relative);
}

/** True when the shared file is present. */
export function hasShared(relative: string): boolean {
  return existsSync(sharedFile(relative));
}

/**
 * `describe` for suites that read real data from ../shared/data. When the file is absent the suite is
 * skipped and the reason is printed, so a skip is never silent.
 */
export function describeWithShared(relative: string, name: string, body: () => void): void {
  if (hasShared(relative)) {
    describe(name, body);
    return;
  }
  console.warn(`[skip] "${name}": real data ${sharedFile(relative)} is absent (../shared is not beside this checkout)`);
  describe.skip(name, body);
}

/** The main real 5-minute test file. */
export const SMALL_5MIN = 'small/us_equity_5min_8tickers_2025-06_rth.csv';
/** The 1-minute file with bar-end timestamps. */
export const SMALL_1MIN_BAR_END = 'small/alphavantage_1min_6tickers_2019-02-11_15.csv';
/** LEAN minute trade bars (unadjusted, with the AAPL 7:1 split). */
export const LEAN_TRADES = 'small/lean_us_equity_minute_trade_bars.csv';
/** LEAN factor files folder. */
export const LEAN_FACTORS = 'small/lean_factor_files';
/** The 1.65 M-bar benchmark file. */
export const BENCH_5MIN = 'bench/us_equity_5min_101tickers_2025-05_2026-03.parquet';
