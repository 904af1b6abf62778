/**
 * What every model produces, and all that downstream code sees: a direction-and-strength `signal` in [-1, 1]
 * (positive = long) and a `confidence` in [0, 1]. Never an order: sizing and risk turn it into one.
 */
export interface SignalOutput {
  readonly signal: number;
  readonly confidence: number;
  readonly metadata: Readonly<Record<string, string | number | boolean>>;
}
