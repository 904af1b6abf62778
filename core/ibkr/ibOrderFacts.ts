import { NEW_YORK, localToUtc } from '../calendar/timezone.js';
import { OrderStatus } from '../trading/types.js';

/**
 * An IB execution id split at its last period. IB numbers revisions of one execution in that last part: a correction
 * has the same `base` and a higher `revision` (`0000e0d5.6567a1b2.01.01` is corrected by `...01.02`) and replaces
 * the earlier one (IB's Execution documentation; reference §3).
 */
export interface ExecIdParts {
  readonly base: string;
  readonly revision: number;
}

/** Splits an execution id; an id without a numeric last part is its own base with revision 0. */
export function splitExecId(execId: string): ExecIdParts {
  const dot = execId.lastIndexOf('.');
  const tail = dot < 0 ? '' : execId.slice(dot + 1);
  if (dot < 0 || !/^\d+$/.test(tail)) return { base: execId, revision: 0 };
  return { base: execId.slice(0, dot), revision: Number(tail) };
}

/**
 * IB's order status text to the engine's status, or null for statuses that carry nothing the executions do not:
 * `Filled` (fills come from executions only; an order is FILLED once its executions add up) and unknown texts.
 * `PreSubmitted` (held by IB until its conditions are met) counts as acknowledged.
 */
export function engineStatusOf(ibStatus: string): OrderStatus | null {
  switch (ibStatus) {
    case 'ApiPending':
    case 'PendingSubmit':
      return OrderStatus.PENDING_SUBMIT;
    case 'PreSubmitted':
    case 'Submitted':
      return OrderStatus.SUBMITTED;
    case 'PendingCancel':
      return OrderStatus.PENDING_CANCEL;
    case 'ApiCancelled':
    case 'Cancelled':
      return OrderStatus.CANCELLED;
    case 'Inactive':
      return OrderStatus.INACTIVE;
    default:
      return null;
  }
}

// IB names a few zones by their old aliases; the rest are IANA names already.
const ZONE_ALIASES: Readonly<Record<string, string>> = { EST: NEW_YORK, EDT: NEW_YORK, 'US/Eastern': NEW_YORK };

/**
 * An execution time as TWS writes it to UTC ms: `yyyymmdd-hh:mm:ss` (UTC), `yyyymmdd hh:mm:ss <zone>` or
 * `yyyymmdd  hh:mm:ss` (the login zone, `defaultZone`). Returns null for anything else, so a caller can fall back.
 */
export function parseIbTime(text: string, defaultZone: string = NEW_YORK): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})(-|\s+)(\d{2}):(\d{2}):(\d{2})(?:\s+(\S+))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, sep, h, mi, s, zone] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sep === '-') return zone === undefined ? wall : null;
  const ianaZone = zone === undefined ? defaultZone : (ZONE_ALIASES[zone] ?? zone);
  try {
    return localToUtc(wall, ianaZone);
  } catch {
    return null;
  }
}
