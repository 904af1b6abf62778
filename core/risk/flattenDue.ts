import type { RiskLimits } from './RiskLimits.js';
import type { RiskSession } from './RiskContext.js';

/**
 * True when every position must be closed: `ts` is at or after `closeMs - flatten_before_close_min` minutes of
 * `session` (after the close too, so a position still held then is flagged). False without a session or when
 * `flatten_before_close_min` is 0 (flattening before the close turned off). Pass `sessionOn(day)` to keep the
 * flag after the close, or `sessionContaining(ts)` for regular hours only.
 */
export function flattenDue(ts: number, session: RiskSession | null, limits: RiskLimits): boolean {
  const minutes = limits.flatten_before_close_min;
  return session !== null && minutes > 0 && ts >= session.closeMs - minutes * 60_000;
}
