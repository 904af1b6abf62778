import { averageRanks } from './averageRanks.js';
import { finitePairs, pearsonOfFinite } from './pearsonCorrelation.js';

/**
 * Spearman rank correlation: the Pearson correlation of the average ranks (ties share their mean rank) over the
 * pairs where both values are finite. NaN below 2 such pairs or when either side is constant over them.
 */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const [keptX, keptY] = finitePairs(x, y);
  return pearsonOfFinite(averageRanks(keptX), averageRanks(keptY));
}
