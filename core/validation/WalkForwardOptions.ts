import type { ExperimentConfig } from '../../config/experiment.js';

/** How the training window moves from fold to fold. */
export const WalkForwardMode = {
  /** Fixed-length training window that slides forward with the test window. */
  ROLLING: 'rolling',
  /** Training window anchored at the first bar, growing with each fold. */
  EXPANDING: 'expanding',
} as const;
export type WalkForwardMode = (typeof WalkForwardMode)[keyof typeof WalkForwardMode];

/** Options of splitWalkForward; the camelCase twin of config/experiment.ts WalkForwardSchema plus the horizon. */
export interface WalkForwardOptions {
  /** Number of out-of-sample test windows, at least 1. */
  readonly folds: number;
  readonly mode: WalkForwardMode;
  /** Share of the time axis before the first test window, in (0, 1); the first training window ends a purge earlier. */
  readonly trainFraction: number;
  /** Bars the target looks ahead (core/targets targetHorizon): the label of bar i depends on bars up to i + horizon. */
  readonly horizonBars: number;
  /** Bars between the end of training and the start of testing; at least horizonBars, which is the default. */
  readonly purgeBars?: number;
  /** Bars right after each test window that no later fold trains on; 0 by default. */
  readonly embargoBars?: number;
}

/** The splitter options of an experiment's `walk_forward` section for a target of `horizonBars`. */
export function walkForwardOptions(config: ExperimentConfig['walk_forward'], horizonBars: number): WalkForwardOptions {
  return {
    folds: config.folds,
    mode: config.mode,
    trainFraction: config.train_fraction,
    horizonBars,
    purgeBars: config.purge_bars ?? horizonBars,
    embargoBars: config.embargo_bars,
  };
}
