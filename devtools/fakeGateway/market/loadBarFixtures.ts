import { loadBars } from '../../../adapters/data/loadBars.js';
import type { BarSet } from '../../../core/data/BarBatch.js';
import { generateBars } from '../../../core/synthetic/generateBars.js';

/** Loads a CSV or Parquet bar file with the project's loader (quarantined rows are left out, as everywhere). */
export async function loadBarFixtures(path: string): Promise<BarSet> {
  const { bars } = await loadBars(path);
  return bars;
}

/** Seeded synthetic regular-session bars, for tests that need bars but no real data. Days are yyyymmdd. */
export function syntheticBarFixtures(
  tickers: readonly string[],
  startDay: number,
  endDay: number,
  barMs = 300_000,
  seed = 7,
): BarSet {
  return generateBars({ tickers, startDay, endDay, barMs, seed });
}
