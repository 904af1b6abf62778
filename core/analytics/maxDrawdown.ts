import { checkEquity } from './dailyReturns.js';

/** The worst fall of an equity series from a running peak, and the longest time spent below a peak. */
export interface Drawdown {
  /** Largest fall from a running peak as a fraction of that peak, 1 - E_trough / E_peak (0 when never below). */
  readonly depth: number;
  /** Index of the peak the deepest drawdown starts from. */
  readonly peakIndex: number;
  /** Index of the lowest point of the deepest drawdown. */
  readonly troughIndex: number;
  /**
   * Longest drawdown in sessions: from a peak to the first session back at or above it, or to the last session
   * when equity never recovers. Not necessarily the deepest drawdown's duration.
   */
  readonly sessions: number;
}

/** Maximum drawdown depth (fraction of the peak) and longest drawdown duration (sessions) of a positive equity series. */
export function maxDrawdown(equity: ArrayLike<number>): Drawdown {
  checkEquity(equity);
  let peak = equity[0];
  let peakAt = 0;
  let depth = 0;
  let deepestPeakAt = 0;
  let troughAt = 0;
  let longest = 0;
  for (let i = 1; i < equity.length; i++) {
    const value = equity[i];
    if (value >= peak) {
      // Back at or above the peak: a drawdown, if there was one, ends here.
      if (i - 1 > peakAt) longest = Math.max(longest, i - peakAt);
      peak = value;
      peakAt = i;
      continue;
    }
    const fall = 1 - value / peak;
    if (fall > depth) {
      depth = fall;
      deepestPeakAt = peakAt;
      troughAt = i;
    }
  }
  const last = equity.length - 1;
  if (last > peakAt) longest = Math.max(longest, last - peakAt);
  return { depth, peakIndex: deepestPeakAt, troughIndex: troughAt, sessions: longest };
}
