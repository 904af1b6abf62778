/**
 * One bar as the simulated broker sees it: prices in dollars as read, `barStart` and `barMs` in UTC
 * milliseconds. `volume` is -1 (any negative value) when the source has none. `spread` is the quoted
 * ask minus bid in dollars for the bar (for example from LEAN quote bars), or null when unknown.
 */
export interface SimBar {
  readonly ticker: string;
  readonly barStart: number;
  readonly barMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly spread: number | null;
}
