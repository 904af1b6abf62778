import type { FeaturesConfig } from '../../config/features.js';
import type { BarBatch } from '../data/BarBatch.js';
import { InvalidBarError, SnapshotMismatchError } from './errors.js';
import { BarSlot, FIRST_FEATURE_SLOT, type CompiledFeature, type FeatureInput, type Frame } from './FeatureKind.js';
import { createLocalClock, fillClock, type LocalClock } from './LocalClock.js';
import { FEATURE_REGISTRY, type FeatureRegistry } from './registry.js';
import { resolveFeatures } from './resolveFeatures.js';

/** The per-ticker state of a stream, plain data (numbers and typed arrays): clone it, store it, restore it. */
export interface FeatureStreamSnapshot {
  readonly names: readonly string[];
  readonly states: readonly object[];
  readonly clock: LocalClock;
  readonly lastTs: number;
}

/** Incremental feature computation for one ticker: one O(1) update per feature per bar. */
export interface FeatureStream {
  /**
   * Feeds the next bar (bar start `ts` in UTC epoch ms, strictly increasing; volume -1 when unknown) and returns the
   * feature values in `names` order, NaN while warming up. The returned array is reused by the next call.
   */
  update(ts: number, open: number, high: number, low: number, close: number, volume: number): Float64Array;
  /** A deep copy of the state, to resume later with `createStream(snapshot)`. */
  snapshot(): FeatureStreamSnapshot;
}

/** A checked, compiled set of features. */
export interface FeaturePipeline {
  /** Output order: the features.yaml order of the requested features and their dependencies. */
  readonly names: readonly string[];
  /** Bars to feed before every feature has its first value: the largest declared lookback. */
  readonly warmup: number;
  /** Declared lookback of each feature, in `names` order. */
  readonly lookbacks: readonly number[];
  /** Computed warm-up of each feature (first value at bar index warm-up - 1), in `names` order. */
  readonly warmups: readonly number[];
  /** A fresh stream for one ticker, or one resumed from a snapshot of this pipeline. */
  createStream(from?: FeatureStreamSnapshot): FeatureStream;
  /** Every feature over a whole batch of one ticker, one column per name (same steps as a stream). */
  computeBatch(batch: BarBatch): Float64Array[];
}

/** The compiled features in computation order, plus what a stream needs to run them. */
interface Plan {
  readonly names: readonly string[];
  readonly features: readonly CompiledFeature[];
  readonly usesClock: boolean;
}

/** Bars per batch step: every feature runs over one chunk before the next, so its inputs are still in cache. */
const CHUNK = 1024;

/**
 * Checks `config` (see `resolveFeatures`), selects `requested` (default: all) plus their dependencies and compiles
 * them. A batch runs the stream's own updates over ranges of bars, so both give the same bits.
 */
export function buildFeaturePipeline(
  config: FeaturesConfig,
  requested?: readonly string[],
  registry: FeatureRegistry = FEATURE_REGISTRY,
): FeaturePipeline {
  const resolved = resolveFeatures(config, registry, requested);
  const names = resolved.features.map((feature) => feature.name);
  const slotOf = new Map(names.map((name, index) => [name, FIRST_FEATURE_SLOT + index]));
  const byName = new Map(resolved.features.map((feature) => [feature.name, feature]));
  const features = resolved.order.map((name) => {
    const feature = byName.get(name)!;
    const inputs: FeatureInput[] = feature.entry.dependencies.map((dependency) => ({
      slot: slotOf.get(dependency)!,
      warmup: byName.get(dependency)!.warmup,
    }));
    return feature.kind.compile(feature.entry.params, inputs, slotOf.get(name)!);
  });
  const plan: Plan = {
    names,
    features,
    usesClock: resolved.order.some((name) => byName.get(name)!.kind.usesClock),
  };
  const lookbacks = resolved.features.map((feature) => feature.entry.lookback);
  return {
    names,
    warmup: Math.max(1, ...lookbacks),
    lookbacks,
    warmups: resolved.features.map((feature) => feature.warmup),
    createStream: (from) => new PipelineStream(plan, from),
    computeBatch: (batch) => computeBatch(plan, batch),
  };
}

function computeBatch(plan: Plan, batch: BarBatch): Float64Array[] {
  const length = batch.length;
  checkBars(batch);
  // Only the feature columns are returned: the volume and clock columns are work space, reused from call to call.
  const work = workColumns(plan.usesClock ? FIRST_FEATURE_SLOT - BarSlot.volume : 1, length);
  const volume = work[0]!;
  for (let i = 0; i < length; i++) volume[i] = batch.volume[i]! >= 0 ? batch.volume[i]! : NaN;
  const frame: Float64Array[] = [batch.ts, batch.open, batch.high, batch.low, batch.close, ...work];
  while (frame.length < FIRST_FEATURE_SLOT) frame.push(new Float64Array(0));
  const columns = plan.names.map(() => new Float64Array(length));
  frame.push(...columns);
  const states = plan.features.map((feature) => feature.createState());
  const clock = createLocalClock();
  for (let from = 0; from < length; from += CHUNK) {
    const to = Math.min(length, from + CHUNK);
    if (plan.usesClock) fillClock(clock, frame, from, to);
    for (let k = 0; k < plan.features.length; k++) plan.features[k]!.update(states[k]!, frame, from, to);
  }
  return columns;
}

/** Work columns shared by every batch (they never outlive one `computeBatch` call). */
let workBuffers: Float64Array[] = [];

/** `count` work columns of exactly `length` values (views of buffers grown as needed; stale values get overwritten). */
function workColumns(count: number, length: number): Float64Array[] {
  if (workBuffers.length < count || workBuffers[0]!.length < length) {
    const size = Math.max(length, workBuffers[0]?.length ?? 0);
    workBuffers = Array.from({ length: Math.max(count, workBuffers.length) }, () => new Float64Array(size));
  }
  return workBuffers.slice(0, count).map((buffer) => buffer.subarray(0, length));
}

function checkBars(batch: BarBatch): void {
  const { ts, open, high, low, close } = batch;
  let previous = -Infinity;
  for (let i = 0; i < batch.length; i++) {
    const time = ts[i]!;
    // Inline tests, a call only on failure: a call per bar would box its six doubles.
    if (
      !(time > previous) ||
      open[i] !== open[i] ||
      high[i] !== high[i] ||
      low[i] !== low[i] ||
      close[i] !== close[i]
    ) {
      checkBar(previous, time, open[i]!, high[i]!, low[i]!, close[i]!);
    }
    previous = time;
  }
}

/** Throws `InvalidBarError` when the bar time does not increase or a price is NaN. */
function checkBar(previousTs: number, ts: number, open: number, high: number, low: number, close: number): void {
  if (!(ts > previousTs)) {
    throw new InvalidBarError(`bar time ${ts} must be after the previous bar time ${previousTs}`);
  }
  if (open !== open || high !== high || low !== low || close !== close) {
    throw new InvalidBarError(`bar at ${ts} has a NaN price (open ${open}, high ${high}, low ${low}, close ${close})`);
  }
}

class PipelineStream implements FeatureStream {
  private readonly plan: Plan;
  private readonly states: object[];
  /** Columns of length 1: the current bar. */
  private readonly frame: Frame;
  private readonly row: Float64Array;
  private readonly clock: LocalClock;
  private lastTs: number;

  constructor(plan: Plan, from?: FeatureStreamSnapshot) {
    this.plan = plan;
    this.frame = Array.from({ length: FIRST_FEATURE_SLOT + plan.names.length }, () => new Float64Array(1));
    this.row = new Float64Array(plan.names.length);
    if (from) {
      const same = from.names.length === plan.names.length && from.names.every((name, i) => name === plan.names[i]);
      if (!same) throw new SnapshotMismatchError(plan.names, from.names);
      const copy = structuredClone({ states: from.states, clock: from.clock });
      this.states = copy.states as object[];
      this.clock = copy.clock;
      this.lastTs = from.lastTs;
    } else {
      this.states = plan.features.map((feature) => feature.createState());
      this.clock = createLocalClock();
      this.lastTs = -Infinity;
    }
  }

  update(ts: number, open: number, high: number, low: number, close: number, volume: number): Float64Array {
    checkBar(this.lastTs, ts, open, high, low, close);
    this.lastTs = ts;
    const { frame, plan, states, row } = this;
    frame[BarSlot.ts]![0] = ts;
    frame[BarSlot.open]![0] = open;
    frame[BarSlot.high]![0] = high;
    frame[BarSlot.low]![0] = low;
    frame[BarSlot.close]![0] = close;
    frame[BarSlot.volume]![0] = volume >= 0 ? volume : NaN;
    if (plan.usesClock) fillClock(this.clock, frame, 0, 1);
    for (let k = 0; k < plan.features.length; k++) plan.features[k]!.update(states[k]!, frame, 0, 1);
    for (let j = 0; j < row.length; j++) row[j] = frame[FIRST_FEATURE_SLOT + j]![0]!;
    return row;
  }

  snapshot(): FeatureStreamSnapshot {
    return structuredClone({
      names: [...this.plan.names],
      states: this.states,
      clock: this.clock,
      lastTs: this.lastTs,
    });
  }
}
