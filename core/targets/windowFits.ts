/**
 * True when bars t+1..t+n exist and, when `segments` is given (cross_session false), bar t+n lies in the
 * same session segment as the decision bar t. Segment keys never decrease, so the bars between agree too.
 */
export function windowFits(t: number, n: number, length: number, segments: Float64Array | null): boolean {
  return t + n < length && (segments === null || segments[t + n] === segments[t]);
}
