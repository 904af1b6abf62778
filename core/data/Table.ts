/** A named column of a table written to CSV or Parquet. */
export type TableColumn =
  | { readonly name: string; readonly kind: 'number'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'string'; readonly values: readonly string[] }
  | { readonly name: string; readonly kind: 'timestamp'; readonly values: Float64Array };

/**
 * A column-oriented table: what `features compute` writes (bars plus one column per feature and target).
 * Timestamps are UTC epoch ms; `metadata` travels into Parquet key-value metadata.
 */
export interface Table {
  readonly length: number;
  readonly columns: readonly TableColumn[];
  readonly metadata: Readonly<Record<string, string>>;
}
