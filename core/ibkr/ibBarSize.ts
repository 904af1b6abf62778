import { formatBarSize } from '../data/Bar.js';
import { UnsupportedBarSizeError } from './errors.js';

/**
 * How one request may be sized for a bar size: in whole trading days (`N D`) or, for second bars, in seconds
 * within a session (`N S`).
 */
export type ChunkLimit =
  { readonly unit: 'days'; readonly maxDays: number } | { readonly unit: 'seconds'; readonly maxSeconds: number };

/** An IB historical bar size: the `barSizeSetting` text and the longest duration one request may cover. */
export interface IbBarSize {
  readonly barMs: number;
  readonly setting: string;
  readonly limit: ChunkLimit;
}

// From tws-api/historical_limitations.html ("duration / step size"): the longest duration whose allowed bar sizes
// include this one. `1 W` (3 mins to 1 week) is taken as 5 trading days, `1 M` (30 mins to 1 month) as 20,
// so a chunk never reaches past the published limit whatever the holidays.
const TABLE: readonly IbBarSize[] = [
  { barMs: 1_000, setting: '1 secs', limit: { unit: 'seconds', maxSeconds: 1_800 } },
  { barMs: 5_000, setting: '5 secs', limit: { unit: 'seconds', maxSeconds: 3_600 } },
  { barMs: 10_000, setting: '10 secs', limit: { unit: 'seconds', maxSeconds: 14_400 } },
  { barMs: 15_000, setting: '15 secs', limit: { unit: 'seconds', maxSeconds: 14_400 } },
  { barMs: 30_000, setting: '30 secs', limit: { unit: 'seconds', maxSeconds: 28_800 } },
  { barMs: 60_000, setting: '1 min', limit: { unit: 'days', maxDays: 1 } },
  { barMs: 120_000, setting: '2 mins', limit: { unit: 'days', maxDays: 2 } },
  { barMs: 180_000, setting: '3 mins', limit: { unit: 'days', maxDays: 5 } },
  { barMs: 300_000, setting: '5 mins', limit: { unit: 'days', maxDays: 5 } },
  { barMs: 600_000, setting: '10 mins', limit: { unit: 'days', maxDays: 5 } },
  { barMs: 900_000, setting: '15 mins', limit: { unit: 'days', maxDays: 5 } },
  { barMs: 1_200_000, setting: '20 mins', limit: { unit: 'days', maxDays: 5 } },
  { barMs: 1_800_000, setting: '30 mins', limit: { unit: 'days', maxDays: 20 } },
  { barMs: 3_600_000, setting: '1 hour', limit: { unit: 'days', maxDays: 20 } },
  { barMs: 7_200_000, setting: '2 hours', limit: { unit: 'days', maxDays: 20 } },
  { barMs: 10_800_000, setting: '3 hours', limit: { unit: 'days', maxDays: 20 } },
  { barMs: 14_400_000, setting: '4 hours', limit: { unit: 'days', maxDays: 20 } },
  { barMs: 28_800_000, setting: '8 hours', limit: { unit: 'days', maxDays: 20 } },
];

/** The IB bar size for `barMs`; throws for sizes IB does not serve as intraday historical bars. */
export function ibBarSize(barMs: number): IbBarSize {
  const found = TABLE.find((entry) => entry.barMs === barMs);
  if (!found) {
    throw new UnsupportedBarSizeError(
      barMs,
      TABLE.map((entry) => formatBarSize(entry.barMs)),
    );
  }
  return found;
}
