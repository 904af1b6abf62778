import type { TargetEntry, TargetsConfig } from '../../config/targets.js';
import type { BarBatch } from '../data/BarBatch.js';
import { direction } from './direction.js';
import { InvalidTargetInputError } from './errors.js';
import { forwardReturn } from './forwardReturn.js';
import { sessionSegments } from './sessionSegments.js';
import { targetEntry } from './targetHorizon.js';
import { tripleBarrier } from './tripleBarrier.js';
import { volatilityRegime } from './volatilityRegime.js';

/** Target columns of one ticker: `columns[k]` holds the target `names[k]`, one value per bar, NaN where undefined. */
export interface TargetColumns {
  readonly names: string[];
  readonly columns: Float64Array[];
}

function checkBatch(batch: BarBatch): void {
  for (const column of ['ts', 'open', 'high', 'low', 'close'] as const) {
    if (batch[column].length !== batch.length) {
      throw new InvalidTargetInputError(
        batch.ticker,
        `column ${column} has ${batch[column].length} values, the batch has ${batch.length} bars`,
      );
    }
  }
  const ts = batch.ts;
  for (let i = 0; i < ts.length; i++) {
    if (!Number.isFinite(ts[i]!) || (i > 0 && !(ts[i]! > ts[i - 1]!))) {
      throw new InvalidTargetInputError(
        batch.ticker,
        `bar timestamps must be finite and strictly increasing, bar ${i} starts at ${ts[i]} after ${ts[i - 1]}`,
      );
    }
  }
}

function computeOne(batch: BarBatch, entry: TargetEntry, segments: Float64Array | null): Float64Array {
  switch (entry.function) {
    case 'targets.forward_return':
      return forwardReturn(batch, entry.params, segments);
    case 'targets.direction':
      return direction(batch, entry.params, segments);
    case 'targets.triple_barrier':
      return tripleBarrier(batch, entry.params, segments);
    case 'targets.volatility_regime':
      return volatilityRegime(batch, entry.params, segments);
  }
}

/**
 * Computes target columns over a whole ticker history. Targets look forward by design: they are labels for
 * training and evaluation, never features. `requested` defaults to every target in file order; an unknown
 * name throws UnknownTargetError listing the known ones. Session segments are computed once and shared.
 */
export function computeTargets(batch: BarBatch, config: TargetsConfig, requested?: readonly string[]): TargetColumns {
  const names = requested === undefined ? Object.keys(config.targets) : [...requested];
  const entries = names.map((name) => targetEntry(config, name));
  checkBatch(batch);
  const segments = entries.some((entry) => !entry.cross_session) ? sessionSegments(batch.ts) : null;
  const columns = entries.map((entry) => computeOne(batch, entry, entry.cross_session ? null : segments));
  return { names, columns };
}
