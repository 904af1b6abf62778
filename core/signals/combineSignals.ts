import { checkSignalOutput } from './checkSignalOutput.js';
import { InvalidEnsembleError } from './errors.js';
import type { SignalOutput } from './SignalOutput.js';

/** One member of an ensemble: a model's output and its weight (>= 0). */
export interface EnsembleMember {
  readonly output: SignalOutput;
  readonly weight: number;
  /** Shown in the combined metadata; defaults to the member's `metadata.model` when it is text, else `member_<i>`. */
  readonly name?: string;
}

/**
 * Combines model outputs into one: the weighted mean of `signal` and the weighted mean of `confidence`, clamped
 * to [-1, 1] and [0, 1]. Weights must be finite and >= 0 with at least one > 0; members of weight 0 count for
 * nothing but are still listed. The metadata lists every member: `method`, `member_count`, and per member i
 * `member_<i>_name`, `member_<i>_weight`, `member_<i>_signal`, `member_<i>_confidence`. Throws
 * `InvalidEnsembleError` (`SIGNAL_INVALID_ENSEMBLE`) for bad weights and `InvalidSignalOutputError` for a bad
 * member output.
 */
export function combineSignals(members: readonly EnsembleMember[]): SignalOutput {
  if (members.length === 0) throw new InvalidEnsembleError('needs at least one member, was empty');
  let totalWeight = 0;
  for (let i = 0; i < members.length; i++) {
    const { output, weight } = members[i]!;
    if (!(weight >= 0 && Number.isFinite(weight))) {
      throw new InvalidEnsembleError(`weight of ${memberName(members[i]!, i)} must be finite and >= 0, was ${weight}`);
    }
    checkSignalOutput(output);
    totalWeight += weight;
  }
  if (!(totalWeight > 0)) {
    throw new InvalidEnsembleError(`at least one weight must be > 0, all ${members.length} were 0`);
  }
  return combineUnchecked(members, totalWeight);
}

function combineUnchecked(members: readonly EnsembleMember[], totalWeight: number): SignalOutput {
  let signal = 0;
  let confidence = 0;
  const metadata: Record<string, string | number | boolean> = { method: 'weighted_mean', member_count: members.length };
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    const share = member.weight / totalWeight;
    signal += share * member.output.signal;
    confidence += share * member.output.confidence;
    metadata[`member_${i}_name`] = memberName(member, i);
    metadata[`member_${i}_weight`] = member.weight;
    metadata[`member_${i}_signal`] = member.output.signal;
    metadata[`member_${i}_confidence`] = member.output.confidence;
  }
  // Rounding can step a hair outside the range: signals 1, 1, 1 with weights 0.1, 0.6, 0.2 sum to 1.0000000000000002.
  return { signal: clamp(signal, -1, 1), confidence: clamp(confidence, 0, 1), metadata };
}

function memberName(member: EnsembleMember, index: number): string {
  if (member.name !== undefined) return member.name;
  const model = member.output.metadata['model'];
  return typeof model === 'string' ? model : `member_${index}`;
}

const clamp = (value: number, low: number, high: number): number => (value < low ? low : value > high ? high : value);
