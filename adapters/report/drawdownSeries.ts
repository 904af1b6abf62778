import { ReportDataInvalidError } from './errors.js';

/**
 * Drawdown at each point of an equity series: `E_t / max(E_0..E_t) - 1`, a fraction <= 0 (0 at a new peak).
 * The deepest value equals minus core/analytics maxDrawdown's depth on the same series.
 */
export function drawdownSeries(equity: readonly number[]): number[] {
  const out = new Array<number>(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    const value = equity[i];
    if (!Number.isFinite(value) || value <= 0) {
      throw new ReportDataInvalidError(`equity[${i}] must be a finite positive number of dollars, was ${value}`);
    }
    if (value > peak) peak = value;
    out[i] = value / peak - 1;
  }
  return out;
}
