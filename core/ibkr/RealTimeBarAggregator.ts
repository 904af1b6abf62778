import { sessionOn } from '../calendar/nyseCalendar.js';
import { NEW_YORK, localDayOf } from '../calendar/timezone.js';
import type { BarClosed } from '../trading/events.js';

/** IB's real-time bars are always 5 seconds long (reqRealTimeBars rejects any other size). */
export const REAL_TIME_BAR_MS = 5_000;

/** One 5-second bar as IB sent it; `ts` is the UTC ms of its start. */
export interface FiveSecondBar {
  readonly ticker: string;
  readonly ts: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** A finished N-minute bar, with how many of its 5-second bars arrived (fewer than expected: some were lost). */
export interface AggregatedBar {
  readonly event: BarClosed;
  readonly received: number;
  readonly expected: number;
}

/** Why a 5-second bar changed nothing. */
export type DroppedReason = 'OUTSIDE_SESSION' | 'LATE' | 'DUPLICATE';

interface Bucket {
  readonly start: number;
  readonly end: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  received: number;
  lastTs: number;
}

/**
 * Builds N-minute bars from IB's 5-second real-time bars, one ticker at a time, aligned to the regular NYSE session:
 * buckets start at 09:30 New York plus whole multiples of N, and the last one is cut at the close (16:00, or 13:00 on
 * the half days `core/calendar` knows). A bar is emitted only when complete: when the 5-second bar that ends its
 * bucket arrives, when a later 5-second bar shows the bucket is over (its last 5-second bar was lost), or when
 * `flush(nowMs)` is called at or after the bucket end plus `graceMs` (a stream that stopped, e.g. at the close).
 * A lost 5-second bar in the middle does not hold a bar back; `received < expected` says it happened.
 * 5-second bars outside regular hours, already emitted buckets (late) and repeated timestamps are dropped.
 * Pure: time comes from the bars and from `flush`'s argument.
 */
export class RealTimeBarAggregator {
  readonly barMs: number;
  readonly graceMs: number;
  private readonly buckets = new Map<string, Bucket>();
  /** End of the last emitted bucket per ticker: anything before it is late. */
  private readonly emittedUntil = new Map<string, number>();
  private readonly dropped: Record<DroppedReason, number> = { OUTSIDE_SESSION: 0, LATE: 0, DUPLICATE: 0 };

  constructor(barMs: number, graceMs: number = REAL_TIME_BAR_MS) {
    if (!Number.isInteger(barMs) || barMs <= 0 || barMs % REAL_TIME_BAR_MS !== 0) {
      throw new RangeError(`bar size must be a positive multiple of ${REAL_TIME_BAR_MS} ms, was ${barMs}`);
    }
    if (!(graceMs >= 0)) throw new RangeError(`graceMs must be >= 0, was ${graceMs}`);
    this.barMs = barMs;
    this.graceMs = graceMs;
  }

  /** Counts of dropped 5-second bars by reason (for logs and tests). */
  get droppedCounts(): Readonly<Record<DroppedReason, number>> {
    return { ...this.dropped };
  }

  /** Adds one 5-second bar; returns the bars it completed (0, 1, or 2 when it also closes the previous bucket). */
  push(bar: FiveSecondBar): AggregatedBar[] {
    const out: AggregatedBar[] = [];
    const session = sessionOn(localDayOf(bar.ts, NEW_YORK));
    if (!session || bar.ts < session.openMs || bar.ts + REAL_TIME_BAR_MS > session.closeMs) {
      this.dropped.OUTSIDE_SESSION += 1;
      return out;
    }
    if (bar.ts < (this.emittedUntil.get(bar.ticker) ?? -Infinity)) {
      this.dropped.LATE += 1;
      return out;
    }
    const start = session.openMs + Math.floor((bar.ts - session.openMs) / this.barMs) * this.barMs;
    let bucket = this.buckets.get(bar.ticker);
    if (bucket && bucket.start !== start) {
      // A bar of a later bucket: the open one is over even though its last 5-second bar never came.
      out.push(this.emit(bar.ticker, bucket));
      bucket = undefined;
    }
    if (!bucket) {
      bucket = {
        start,
        end: Math.min(start + this.barMs, session.closeMs),
        open: bar.open,
        high: bar.high,
        low: bar.low,
        close: bar.close,
        volume: Math.max(0, bar.volume),
        received: 1,
        lastTs: bar.ts,
      };
      this.buckets.set(bar.ticker, bucket);
    } else if (bar.ts <= bucket.lastTs) {
      this.dropped.DUPLICATE += 1;
      return out;
    } else {
      bucket.high = Math.max(bucket.high, bar.high);
      bucket.low = Math.min(bucket.low, bar.low);
      bucket.close = bar.close;
      bucket.volume += Math.max(0, bar.volume);
      bucket.received += 1;
      bucket.lastTs = bar.ts;
    }
    if (bar.ts + REAL_TIME_BAR_MS >= bucket.end) out.push(this.emit(bar.ticker, bucket));
    return out;
  }

  /** Emits every open bucket whose end plus the grace period is at or before `nowMs` (a stream gone quiet). */
  flush(nowMs: number): AggregatedBar[] {
    const out: AggregatedBar[] = [];
    for (const [ticker, bucket] of [...this.buckets]) {
      if (bucket.end + this.graceMs <= nowMs) out.push(this.emit(ticker, bucket));
    }
    return out;
  }

  private emit(ticker: string, bucket: Bucket): AggregatedBar {
    this.buckets.delete(ticker);
    this.emittedUntil.set(ticker, bucket.end);
    return {
      event: {
        type: 'BarClosed',
        ts: bucket.end,
        ticker,
        barStart: bucket.start,
        open: bucket.open,
        high: bucket.high,
        low: bucket.low,
        close: bucket.close,
        volume: bucket.volume,
      },
      received: bucket.received,
      expected: (bucket.end - bucket.start) / REAL_TIME_BAR_MS,
    };
  }
}
