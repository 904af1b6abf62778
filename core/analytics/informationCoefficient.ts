import { averageRanks } from './averageRanks.js';
import { finitePairs, pearsonOfFinite } from './pearsonCorrelation.js';

/** Information coefficient of a signal against the forward return it tried to predict. */
export interface InformationCoefficient {
  /** Pearson correlation (linear). */
  readonly pearson: number;
  /** Spearman rank correlation (monotone; robust to outliers). */
  readonly spearman: number;
  /** Pairs used: those where both the signal and the realized return are finite. */
  readonly pairs: number;
}

/**
 * Pearson and Spearman correlation of `signals[i]` with `forwardReturns[i]` over all pairs where both are finite
 * (a NaN signal before warm-up, or a NaN label at the end of a session, drops the pair). Both NaN below 2 pairs.
 */
export function informationCoefficient(
  signals: ArrayLike<number>,
  forwardReturns: ArrayLike<number>,
): InformationCoefficient {
  const [x, y] = finitePairs(signals, forwardReturns);
  return {
    pearson: pearsonOfFinite(x, y),
    spearman: pearsonOfFinite(averageRanks(x), averageRanks(y)),
    pairs: x.length,
  };
}
