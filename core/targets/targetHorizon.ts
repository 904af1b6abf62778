import type { TargetEntry, TargetsConfig } from '../../config/targets.js';
import { UnknownTargetError } from './errors.js';

/** The configuration entry of a target, or UnknownTargetError listing the known names. */
export function targetEntry(config: TargetsConfig, name: string): TargetEntry {
  const entry = Object.hasOwn(config.targets, name) ? config.targets[name] : undefined;
  if (entry === undefined) throw new UnknownTargetError(name, Object.keys(config.targets));
  return entry;
}

/**
 * Bars a target looks ahead of its decision bar t: its label depends on bars up to t + horizon and no
 * further. The walk-forward purge gap between training and test rows must be at least this long.
 */
export function targetHorizon(config: TargetsConfig, name: string): number {
  const entry = targetEntry(config, name);
  return entry.function === 'targets.volatility_regime' ? entry.params.window : entry.params.bars_ahead;
}
