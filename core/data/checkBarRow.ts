import { VOLUME_UNKNOWN } from './Bar.js';
import { QuarantineReason } from './Quarantine.js';
import type { RowProblem } from './RawBars.js';

const FIELDS = ['open', 'high', 'low', 'close'] as const;

/**
 * Checks the values of one bar (no ticker, time or ordering rules). Returns null when the bar is sound, else the
 * first broken rule: non-finite numbers, non-positive prices, high below low, open or close outside [low, high],
 * negative volume. Volume -1 means unknown and is accepted.
 */
export function checkBarValues(
  open: number,
  high: number,
  low: number,
  close: number,
  volume: number,
): RowProblem | null {
  // Fast path for the common sound bar: every comparison with NaN is false, and a finite high bounds the others.
  if (
    low > 0 &&
    high >= low &&
    high < Number.POSITIVE_INFINITY &&
    open >= low &&
    open <= high &&
    close >= low &&
    close <= high &&
    ((volume >= 0 && volume < Number.POSITIVE_INFINITY) || volume === VOLUME_UNKNOWN)
  ) {
    return null;
  }
  return describeProblem(open, high, low, close, volume);
}

function describeProblem(open: number, high: number, low: number, close: number, volume: number): RowProblem | null {
  const prices = [open, high, low, close];
  const notFinite: string[] = FIELDS.filter((_, k) => !Number.isFinite(prices[k]));
  if (!Number.isFinite(volume)) notFinite.push('volume');
  if (notFinite.length > 0) {
    return { reason: QuarantineReason.NOT_A_NUMBER, detail: `${notFinite.join(', ')} not a finite number` };
  }
  const nonPositive = FIELDS.filter((_, k) => prices[k]! <= 0);
  if (nonPositive.length > 0) {
    const values = nonPositive.map((field) => `${field}=${prices[FIELDS.indexOf(field)]}`).join(', ');
    return { reason: QuarantineReason.NON_POSITIVE_PRICE, detail: `price must be positive: ${values}` };
  }
  if (high < low) {
    return { reason: QuarantineReason.HIGH_BELOW_LOW, detail: `high ${high} is below low ${low}` };
  }
  if (open < low || open > high) {
    return { reason: QuarantineReason.OPEN_OUTSIDE_RANGE, detail: `open ${open} is outside [${low}, ${high}]` };
  }
  if (close < low || close > high) {
    return { reason: QuarantineReason.CLOSE_OUTSIDE_RANGE, detail: `close ${close} is outside [${low}, ${high}]` };
  }
  if (volume < 0 && volume !== VOLUME_UNKNOWN) {
    return {
      reason: QuarantineReason.NEGATIVE_VOLUME,
      detail: `volume ${volume} is negative (only -1, unknown, is allowed)`,
    };
  }
  return null;
}
