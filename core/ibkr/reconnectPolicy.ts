import { NEW_YORK, addDays, localToUtc, utcToLocal } from '../calendar/timezone.js';
import type { Random } from '../random/Random.js';
import { InvalidResetWindowError } from './errors.js';

/** Exponential backoff between reconnect attempts. */
export interface BackoffPolicy {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

/**
 * Delay before reconnect attempt `attempt` (0 for the first): `min(maxMs, initialMs * factor^attempt)` with
 * "equal jitter" (half fixed, half uniform random), so many clients restarted together spread out but none
 * retries at once.
 */
export function reconnectDelayMs(attempt: number, policy: BackoffPolicy, random: Random): number {
  const base = Math.min(policy.maxMs, policy.initialMs * Math.pow(policy.factor, Math.max(0, attempt)));
  return Math.round(base / 2 + random.nextFloat() * (base / 2));
}

/**
 * A daily window (minutes after midnight in the gateway's zone) during which IB resets its servers or the gateway
 * restarts. When `endMinute < startMinute` the window wraps past midnight.
 */
export interface ResetWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** Parses `HH:MM-HH:MM` (24-hour clock). */
export function parseResetWindow(text: string): ResetWindow {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new InvalidResetWindowError(text);
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || (h1 === h2 && m1 === m2)) throw new InvalidResetWindowError(text);
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
}

function wallInstant(day: number, minute: number, zone: string): number {
  const wall = Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100, 0, minute);
  const utc = localToUtc(wall, zone);
  // A wall time skipped by daylight saving does not exist; the window then ends an hour later in wall terms.
  return Number.isNaN(utc) ? localToUtc(wall + 3_600_000, zone) : utc;
}

/**
 * When `nowMs` falls inside one of `windows` (read in `zone`), the UTC instant that window ends; otherwise null.
 * With overlapping windows the latest end among those containing `nowMs` wins.
 */
export function resetWindowEnd(nowMs: number, windows: readonly ResetWindow[], zone: string = NEW_YORK): number | null {
  const local = utcToLocal(nowMs, zone);
  const minute = Math.floor(local.msOfDay / 60_000);
  let end: number | null = null;
  for (const window of windows) {
    let endsAt: number | null = null;
    if (window.startMinute < window.endMinute) {
      if (minute >= window.startMinute && minute < window.endMinute) {
        endsAt = wallInstant(local.yyyymmdd, window.endMinute, zone);
      }
    } else if (minute >= window.startMinute) {
      endsAt = wallInstant(addDays(local.yyyymmdd, 1), window.endMinute, zone);
    } else if (minute < window.endMinute) {
      endsAt = wallInstant(local.yyyymmdd, window.endMinute, zone);
    }
    if (endsAt !== null && (end === null || endsAt > end)) end = endsAt;
  }
  return end;
}
