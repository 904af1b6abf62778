import type { TargetEntry } from '../../config/targets.js';

/** The target as the Python trainer takes it (`--target-json`): name, kind, class labels and horizon in bars. */
export interface TrainingTarget {
  readonly name: string;
  readonly type: 'classification' | 'regression';
  readonly classes: readonly string[] | null;
  /** Bars the label looks ahead: the least purge gap between a training row and a validation row. */
  readonly horizon: number;
}

/** The trainer's view of a target from config/targets.yaml. */
export function trainingTargetOf(name: string, entry: TargetEntry): TrainingTarget {
  const horizon = entry.function === 'targets.volatility_regime' ? entry.params.window : entry.params.bars_ahead;
  return {
    name,
    type: entry.type,
    classes: entry.type === 'classification' ? [...entry.classes] : null,
    horizon,
  };
}
