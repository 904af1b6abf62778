/** Parameters of one feature as written in features.yaml. */
export type FeatureParams = Readonly<Record<string, number | string | boolean>>;

/**
 * Columns a pipeline computes over: the bar columns, the New York clock columns, then one column per feature.
 * A stream uses columns of length 1; a batch uses the whole history. Every input, a bar column, a clock field or
 * another feature, is read the same way: `frame[slot][i]`.
 */
export type Frame = readonly Float64Array[];

/** Slots of the bar columns in a frame. Unknown volume (-1 in bars) is NaN here. */
export const BarSlot = { ts: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 } as const;
/** A bar column a feature can read through its `column` param. */
export type BarColumn = Exclude<keyof typeof BarSlot, 'ts'>;
/** The bar columns, in slot order. */
export const BAR_COLUMNS: readonly BarColumn[] = ['open', 'high', 'low', 'close', 'volume'];

/**
 * Slots of the New York clock of the bar start, filled once per bar when a time feature is computed. Session edges
 * are UTC epoch ms and NaN on days without a regular session.
 */
export const ClockSlot = {
  minuteOfDay: 6,
  dayOfWeek: 7,
  dayOfMonth: 8,
  month: 9,
  quarter: 10,
  openMs: 11,
  closeMs: 12,
  preMarketStartMs: 13,
  afterHoursEndMs: 14,
} as const;
/** Slot of the first feature column in a frame. */
export const FIRST_FEATURE_SLOT = 15;

/** One input of a feature: its slot in the frame and how many bars it needs before it is valid. */
export interface FeatureInput {
  readonly slot: number;
  readonly warmup: number;
}

/**
 * A feature compiled with its params, inputs and output slot: its warm-up, a factory for its per-ticker state
 * (plain data: numbers and typed arrays, so it can be cloned and serialised) and its update.
 */
export interface CompiledFeature<S extends object = object> {
  /** Bars needed, current bar included, before the first non-NaN value on valid data. */
  readonly warmup: number;
  createState(): S;
  /**
   * Advances the state over bars `from` to `to` (exclusive) of the frame, writing one value per bar into the
   * feature's column (NaN while warming up). Each bar is one O(1) step, the same step for a stream (one bar at a
   * time) and for a batch (a range at a time), so both give the same bits.
   */
  update(state: S, frame: Frame, from: number, to: number): void;
}

/** A registered feature function. `compile` checks params and inputs and throws `FeatureParamError` on misuse. */
export interface FeatureKind {
  /** Stable id used in features.yaml, e.g. `moving_averages.sma`. */
  readonly id: string;
  /** True when the feature reads the clock slots; the pipeline then fills them. */
  readonly usesClock: boolean;
  compile(params: FeatureParams, inputs: readonly FeatureInput[], output: number): CompiledFeature;
}
