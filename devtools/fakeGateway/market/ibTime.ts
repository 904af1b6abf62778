import { assertZone, localToUtc, utcToLocal } from '../../../core/calendar/timezone.js';

/** IB's name for New York time in the strings it writes. */
export const IB_EASTERN = 'US/Eastern';

const ZONE_ALIASES: Readonly<Record<string, string>> = {
  'US/Eastern': 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  EST5EDT: 'America/New_York',
  GMT: 'UTC',
  UTC: 'UTC',
};

/** An IANA zone for a zone token IB accepts (US/Eastern, UTC, America/New_York, ...); undefined when unknown. */
export function resolveZone(token: string): string | undefined {
  const zone = ZONE_ALIASES[token] ?? token;
  try {
    assertZone(zone);
    return zone;
  } catch {
    return undefined;
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Parses an endDateTime as TWS reads it: empty means now; `yyyymmdd-hh:mm:ss` is UTC;
 * `yyyymmdd hh:mm:ss <zone>` is wall time in that zone; `yyyymmdd hh:mm:ss` without a zone is wall time in the
 * gateway's zone; `yyyymmdd` alone is midnight at the start of that day (the end of the day before).
 * Returns undefined for anything else.
 */
export function parseEndDateTime(text: string, nowMs: number, gatewayZone: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return nowMs;
  const utc = /^(\d{4})(\d{2})(\d{2})-(\d{2}):(\d{2}):(\d{2})$/.exec(trimmed);
  if (utc) return wallMs(utc.slice(1, 7));
  const local = /^(\d{4})(\d{2})(\d{2})(?:\s+(\d{2}):(\d{2}):(\d{2}))?(?:\s+(\S+))?$/.exec(trimmed);
  if (!local) return undefined;
  const zone = local[7] === undefined ? gatewayZone : resolveZone(local[7]);
  if (zone === undefined) return undefined;
  const wall = wallMs([local[1], local[2], local[3], local[4] ?? '0', local[5] ?? '0', local[6] ?? '0']);
  if (wall === undefined) return undefined;
  const instant = localToUtc(wall, zone);
  return Number.isNaN(instant) ? undefined : instant;
}

function wallMs(parts: readonly (string | undefined)[]): number | undefined {
  const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return ms;
}

/** `yyyymmdd hh:mm:ss US/Eastern`: how TWS 10.x writes instants (bar dates with formatDate=1, execution times). */
export function formatIbDateTime(utcMs: number, zone: string): string {
  const parts = utcToLocal(utcMs, zone);
  const name = zone === 'America/New_York' ? IB_EASTERN : zone;
  return `${parts.yyyymmdd} ${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)} ${name}`;
}

/** `yyyymmdd` of the instant in `zone`: how TWS writes daily bars whatever formatDate says. */
export function formatIbDay(utcMs: number, zone: string): string {
  return String(utcToLocal(utcMs, zone).yyyymmdd);
}

/** `yyyymmdd hh:mm:ss <zone>` of the connection time in the handshake reply. */
export function formatConnectionTime(utcMs: number, zone: string): string {
  return formatIbDateTime(utcMs, zone);
}
