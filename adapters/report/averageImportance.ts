import type { FoldImportance } from './ReportData.js';

/** One feature's importance averaged over the fold models. */
export interface FeatureImportance {
  readonly feature: string;
  /** Mean over folds of the feature's share of its fold's total gain (0..1; shares sum to 1 over features). */
  readonly gainShare: number;
  /** Mean over folds that measured it of the permutation importance (loss increase); null when none did. */
  readonly permutation: number | null;
}

/**
 * Averages the fold models' importance. Gain is turned into each fold's share first, because raw gain grows with
 * the number of trees and rows: without it the fold with the most trees would decide the order. A feature missing
 * from a fold counts as zero gain there. Sorted by gain share, then permutation, then name (a stable order).
 */
export function averageImportance(features: readonly string[], folds: readonly FoldImportance[]): FeatureImportance[] {
  const names = [...features];
  for (const fold of folds) for (const name of Object.keys(fold.gain)) if (!names.includes(name)) names.push(name);
  const share = new Map<string, number>(names.map((name) => [name, 0]));
  const permutationSum = new Map<string, number>();
  const permutationCount = new Map<string, number>();
  for (const fold of folds) {
    let total = 0;
    for (const value of Object.values(fold.gain)) if (Number.isFinite(value)) total += value;
    for (const name of names) {
      const gain = fold.gain[name];
      if (total > 0 && Number.isFinite(gain)) share.set(name, (share.get(name) ?? 0) + gain / total / folds.length);
      const permutation = fold.permutation?.[name];
      if (permutation !== undefined && Number.isFinite(permutation)) {
        permutationSum.set(name, (permutationSum.get(name) ?? 0) + permutation);
        permutationCount.set(name, (permutationCount.get(name) ?? 0) + 1);
      }
    }
  }
  const rows = names.map((feature): FeatureImportance => {
    const count = permutationCount.get(feature) ?? 0;
    return {
      feature,
      gainShare: share.get(feature) ?? 0,
      permutation: count > 0 ? (permutationSum.get(feature) ?? 0) / count : null,
    };
  });
  return rows.sort(
    (a, b) =>
      b.gainShare - a.gainShare ||
      (b.permutation ?? -Infinity) - (a.permutation ?? -Infinity) ||
      (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
  );
}
