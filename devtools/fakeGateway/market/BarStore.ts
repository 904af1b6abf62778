import { sessionContaining } from '../../../core/calendar/nyseCalendar.js';
import { localToUtc, utcToLocal } from '../../../core/calendar/timezone.js';
import type { BarBatch, BarSet } from '../../../core/data/BarBatch.js';

/** One bar as the fake serves it: start time (UTC ms), OHLC, volume (-1 unknown), WAP and trade count. */
export interface ServedBar {
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly wap: number;
  readonly count: number;
}

/** What a historical request selects: a ticker, an inclusive start, an exclusive end, a bar size, RTH only or not. */
export interface BarQuery {
  readonly ticker: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly barMs: number;
  readonly rthOnly: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The fixture bars the fake serves, one batch per ticker. Bars are served whole: a bar is in a window when it
 * starts at or after the window start and ends at or before its end. Larger bar sizes are aggregated from the
 * fixture bars, aligned to New York wall time (hourly bars start on the hour, as TWS's do); daily bars cover one
 * New York day. Fixtures carry no VWAP or trade count, so WAP is the bar's (high + low + close) / 3 rounded to 4
 * decimals and the count is volume / 100 (at least 1), or -1 when volume is unknown.
 */
export class BarStore {
  private readonly byTicker: ReadonlyMap<string, BarBatch>;

  constructor(bars: BarSet | undefined) {
    this.byTicker = new Map((bars?.batches ?? []).map((batch) => [batch.ticker, batch]));
  }

  /** Tickers with fixture bars. */
  tickers(): string[] {
    return [...this.byTicker.keys()].sort();
  }

  /** True when the ticker has fixture bars. */
  has(ticker: string): boolean {
    return this.byTicker.has(ticker);
  }

  /** Bar size of a ticker's fixtures in ms (0 when unknown). */
  fixtureBarMs(ticker: string): number {
    return this.byTicker.get(ticker)?.barMs ?? 0;
  }

  /** The last fixture close at or before `atMs` (the first bar's open when `atMs` is before every bar). */
  priceAt(ticker: string, atMs: number): number | undefined {
    const batch = this.byTicker.get(ticker);
    if (!batch || batch.length === 0) return undefined;
    const index = lowerBound(batch.ts, atMs + 1) - 1;
    return index < 0 ? batch.open[0] : batch.close[index];
  }

  /** Bars of a query; undefined when the bar size is not a whole multiple of the fixtures' (or finer). */
  select(query: BarQuery): ServedBar[] | undefined {
    const batch = this.byTicker.get(query.ticker);
    if (!batch) return [];
    const fixtureMs = batch.barMs > 0 ? batch.barMs : query.barMs;
    if (query.barMs < fixtureMs || query.barMs % fixtureMs !== 0) return undefined;
    const from = lowerBound(batch.ts, query.startMs);
    const bars: ServedBar[] = [];
    let group: ServedBar | undefined;
    for (let i = from; i < batch.length; i += 1) {
      const ts = batch.ts[i] as number;
      if (ts + fixtureMs > query.endMs) break;
      if (query.rthOnly && !inSession(ts, fixtureMs)) continue;
      const key = query.barMs === fixtureMs ? ts : bucketStart(ts, query.barMs);
      if (group && group.ts === key) {
        group = merge(group, batch, i);
      } else {
        if (group) bars.push(finish(group));
        group = start(key, batch, i);
      }
    }
    if (group) bars.push(finish(group));
    return bars.filter((bar) => bar.ts >= query.startMs);
  }
}

function inSession(ts: number, barMs: number): boolean {
  const session = sessionContaining(ts);
  return session !== null && ts + barMs <= session.closeMs;
}

function bucketStart(ts: number, barMs: number): number {
  const wall = utcToLocal(ts);
  const midnight = localToUtc(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (barMs >= DAY_MS) return midnight;
  return localToUtc(Date.UTC(wall.year, wall.month - 1, wall.day) + Math.floor(wall.msOfDay / barMs) * barMs);
}

function start(ts: number, batch: BarBatch, i: number): ServedBar {
  return {
    ts,
    open: batch.open[i] as number,
    high: batch.high[i] as number,
    low: batch.low[i] as number,
    close: batch.close[i] as number,
    volume: batch.volume[i] as number,
    wap: 0,
    count: 0,
  };
}

function merge(group: ServedBar, batch: BarBatch, i: number): ServedBar {
  const volume = batch.volume[i] as number;
  return {
    ...group,
    high: Math.max(group.high, batch.high[i] as number),
    low: Math.min(group.low, batch.low[i] as number),
    close: batch.close[i] as number,
    volume: group.volume < 0 || volume < 0 ? -1 : group.volume + volume,
  };
}

function finish(bar: ServedBar): ServedBar {
  const wap = Math.round(((bar.high + bar.low + bar.close) / 3) * 10_000) / 10_000;
  const count = bar.volume < 0 ? -1 : Math.max(1, Math.round(bar.volume / 100));
  return { ...bar, wap, count };
}

function lowerBound(values: Float64Array, target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((values[middle] as number) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
