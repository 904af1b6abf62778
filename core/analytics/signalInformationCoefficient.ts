import { localDayOf } from '../calendar/index.js';
import type { BarBatch } from '../data/BarBatch.js';
import { informationCoefficient, type InformationCoefficient } from './informationCoefficient.js';

/**
 * IC of per-bar signals against the realized return of the next bar of the same ticker and session
 * (`close[t+1] / close[t] - 1`): does the signal predict the move that follows the decision? Bars without a
 * signal, and the last bar of each session, are left out.
 */
export function signalInformationCoefficient(
  batches: readonly BarBatch[],
  signalOf: (ticker: string) => Float64Array | null,
): InformationCoefficient {
  const signals: number[] = [];
  const returns: number[] = [];
  for (const batch of batches) {
    const signal = signalOf(batch.ticker);
    if (!signal) continue;
    for (let i = 0; i + 1 < batch.length; i++) {
      if (!Number.isFinite(signal[i]!) || localDayOf(batch.ts[i]!) !== localDayOf(batch.ts[i + 1]!)) continue;
      signals.push(signal[i]!);
      returns.push(batch.close[i + 1]! / batch.close[i]! - 1);
    }
  }
  return informationCoefficient(signals, returns);
}
