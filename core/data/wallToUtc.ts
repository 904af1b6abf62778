import { localToUtc } from '../calendar/timezone.js';

const HOUR_MS = 3_600_000;
// Marks a wall-clock hour in which the offset changes part-way (zones with half-hour shifts): convert row by row.
const MIXED = Number.POSITIVE_INFINITY;

/**
 * Returns a converter from naive wall-clock ms (`Date.UTC` of the wall fields) in `zone` to UTC epoch ms.
 * This is the one place where wall-clock times become instants. A wall time that does not exist (the hour skipped
 * when daylight-saving time starts) gives NaN; an ambiguous one (the hour repeated when it ends) gives the first,
 * daylight-saving instant, as `localToUtc` does.
 *
 * Offsets change on whole wall-clock hours in the zones we trade, so the shift is computed once per wall hour
 * (from both ends of the hour) and cached; an hour whose two ends disagree is converted row by row, so the result
 * is always exact. The last hour is kept in locals because rows usually arrive in time order.
 */
export function createWallToUtc(zone: string): (wallMs: number) => number {
  if (zone === 'UTC') return (wallMs) => wallMs;
  const shifts = new Map<number, number>();
  let lastHour = Number.NaN;
  let lastShift = Number.NaN;

  const shiftOf = (hour: number): number => {
    const start = hour * HOUR_MS;
    const end = start + HOUR_MS - 1;
    const startUtc = localToUtc(start, zone);
    const endUtc = localToUtc(end, zone);
    if (Number.isNaN(startUtc) && Number.isNaN(endUtc)) return Number.NaN;
    if (start - startUtc === end - endUtc) return start - startUtc;
    return MIXED;
  };

  return (wallMs: number): number => {
    const hour = Math.floor(wallMs / HOUR_MS);
    if (hour !== lastHour) {
      let shift = shifts.get(hour);
      if (shift === undefined) {
        shift = shiftOf(hour);
        shifts.set(hour, shift);
      }
      lastHour = hour;
      lastShift = shift;
    }
    if (lastShift === MIXED) return localToUtc(wallMs, zone);
    return wallMs - lastShift;
  };
}
