/**
 * Feature values by column name, all columns of equal `length` (one row per bar). NaN means missing (a
 * feature still warming up); models see NaN as "missing", exactly as their training library did.
 */
export interface FeatureFrame {
  readonly length: number;
  readonly columns: ReadonlyMap<string, ArrayLike<number>>;
}
