import type { SignalOutput } from '../signals/SignalOutput.js';
import type { FeatureFrame } from './FeatureFrame.js';

/** Signals of many rows at once: `signal[i]` in [-1, 1] and `confidence[i]` in [0, 1] for row i of the frame. */
export interface SignalBatch {
  readonly signal: Float64Array;
  readonly confidence: Float64Array;
}

/**
 * A trained model as the rest of the system sees it: features in, SignalOutput out (SPEC section 5). Nothing
 * downstream knows which library trained it or which runtime runs it.
 */
export interface SignalModel {
  /** Model name (as in config/models.yaml) and, when it came from the registry, its version. */
  readonly name: string;
  readonly version: string | null;
  /** Input columns, in the order `predictOne` expects its row. */
  readonly features: readonly string[];
  /** Every row of the frame; throws when a feature column is missing from the frame. */
  predictBatch(frame: FeatureFrame): Promise<SignalBatch>;
  /** One row, values in `features` order (NaN = missing): the hot path. */
  predictOne(row: ArrayLike<number>): Promise<SignalOutput>;
  /** Releases the runtime's resources. */
  close(): Promise<void>;
}
