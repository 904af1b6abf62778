/** The outcome of an experiment. */
export const Verdict = {
  /** No edge after costs: stop working on the idea. */
  KILL: 'kill',
  /** Some edge, not yet convincing: change something and test again. */
  ITERATE: 'iterate',
  /** Passes every bar: worth paper trading. */
  PROMISING: 'promising',
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** What the verdict is decided from. */
export interface VerdictInput {
  /** Annualized out-of-sample Sharpe ratio after costs over all test windows. */
  readonly oosSharpe: number;
  /** Deflated Sharpe ratio, a probability in [0, 1]. */
  readonly deflatedSharpe: number;
  /** Out-of-sample Sharpe ratio of each walk-forward fold. */
  readonly foldSharpes: readonly number[];
  /** Number of out-of-sample round trips closed. */
  readonly trades: number;
  /** Positions still open at the end of the out-of-sample period (their P&L is in the equity, marked). */
  readonly openTrades?: number;
}

/** A verdict and the sentences that justify it, each with the number and the threshold it was compared with. */
export interface VerdictDecision {
  readonly verdict: Verdict;
  readonly reasons: string[];
}
