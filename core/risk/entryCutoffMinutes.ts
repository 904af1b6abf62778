import type { RiskLimits } from './RiskLimits.js';

/**
 * Minutes before the close from which no new risk is taken: `no_new_entries_before_close_min`, or
 * `flatten_before_close_min` when that is longer, because an entry made after the flatten went out would be held
 * past the close.
 */
export const entryCutoffMinutes = (limits: RiskLimits): number =>
  Math.max(limits.no_new_entries_before_close_min, limits.flatten_before_close_min);
