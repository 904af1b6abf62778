import type { SyntheticParameters } from './SyntheticParameters.js';

/** Minutes in a full regular session, the length every shape is normalised against. */
export const FULL_SESSION_MINUTES = 390;

/** Per-step multipliers of variance and volume over one session. Both average 1 over a full session. */
export interface IntradayShape {
  readonly variance: Float64Array;
  readonly volume: Float64Array;
}

function curve(
  minute: number,
  length: number,
  openBoost: number,
  openMinutes: number,
  closeBoost: number,
  closeMinutes: number,
): number {
  return 1 + openBoost * Math.exp(-minute / openMinutes) + closeBoost * Math.exp(-(length - minute) / closeMinutes);
}

function fullSessionMean(openBoost: number, openMinutes: number, closeBoost: number, closeMinutes: number): number {
  let sum = 0;
  for (let m = 0; m < FULL_SESSION_MINUTES; m++) {
    sum += curve(m + 0.5, FULL_SESSION_MINUTES, openBoost, openMinutes, closeBoost, closeMinutes);
  }
  return sum / FULL_SESSION_MINUTES;
}

/**
 * Seasonality of a session of `steps` steps of `stepMinutes` each: a spike at the open that fades, a flat
 * midday and a smaller rise into the close (the U shape). Times are in minutes from the open and to the
 * close, so an early close gets its own closing rise at 13:00; the normalisation is that of a full
 * session, so a short day keeps the per-minute level of a normal one.
 */
export function intradayShape(steps: number, stepMinutes: number, parameters: SyntheticParameters): IntradayShape {
  const p = parameters;
  const length = steps * stepMinutes;
  const varianceMean = fullSessionMean(
    p.openVarianceBoost,
    p.openVarianceMinutes,
    p.closeVarianceBoost,
    p.closeVarianceMinutes,
  );
  const volumeMean = fullSessionMean(p.openVolumeBoost, p.openVolumeMinutes, p.closeVolumeBoost, p.closeVolumeMinutes);
  const variance = new Float64Array(steps);
  const volume = new Float64Array(steps);
  for (let j = 0; j < steps; j++) {
    const minute = (j + 0.5) * stepMinutes;
    variance[j] =
      curve(minute, length, p.openVarianceBoost, p.openVarianceMinutes, p.closeVarianceBoost, p.closeVarianceMinutes) /
      varianceMean;
    volume[j] =
      curve(minute, length, p.openVolumeBoost, p.openVolumeMinutes, p.closeVolumeBoost, p.closeVolumeMinutes) /
      volumeMean;
  }
  return { variance, volume };
}
