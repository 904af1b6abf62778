/**
 * The hot state: the small, always-current facts the live process and the operators share (Redis in production,
 * adapters/redis). Times are UTC epoch milliseconds passed in by the caller; no implementation reads a clock.
 */

/** The features of one ticker at one bar: every value belongs to the bar starting at `ts`. */
export interface FeatureSnapshot {
  readonly ticker: string;
  /** Start of the bar the values were computed on (UTC epoch ms). */
  readonly ts: number;
  /** Feature id -> value; NaN and infinities are kept as they are (a warming-up feature is NaN). */
  readonly values: Readonly<Record<string, number>>;
}

/** A position as the hot path tracks it, in one book (an account, or a strategy's own book). */
export interface HotPosition {
  readonly ticker: string;
  /** Signed shares (long positive). */
  readonly quantity: number;
  /** Signed cost of the open shares in whole micro-dollars (see core/portfolio). */
  readonly costBasisMicros: number;
  /** When this position was last changed (UTC epoch ms). */
  readonly ts: number;
}

/** Who changed something, why, and when (UTC epoch ms, given by the caller). */
export interface ChangeNote {
  readonly by: string;
  readonly reason: string;
  readonly at: number;
}

/** The operator's kill switch. `last` is null when it has never been set. */
export interface KillSwitchState {
  readonly engaged: boolean;
  readonly last: ChangeNote | null;
}

/** One change of the kill switch, as kept in its history. */
export interface KillSwitchChange extends ChangeNote {
  readonly engaged: boolean;
}

/** Which trained model a strategy trades with in production: a blob key, never the bytes. */
export interface ModelPointer {
  /** The model family or strategy the pointer belongs to (e.g. `lgbm_direction`). */
  readonly model: string;
  readonly version: string;
  /** Blob key of the model artifact (core/storage/blobStore.ts). */
  readonly blobKey: string;
  readonly changed: ChangeNote;
}

/** Reads and writes of the hot state. Every write is atomic: a reader sees the old value or the new one. */
export interface HotState {
  /** Replaces a ticker's snapshot unless a later bar is already stored; answers whether it was written. */
  writeFeatures(snapshot: FeatureSnapshot): Promise<boolean>;
  readFeatures(ticker: string): Promise<FeatureSnapshot | null>;
  setPosition(book: string, position: HotPosition): Promise<void>;
  /** Replaces the whole book at once (after a reconciliation, for example). */
  replacePositions(book: string, positions: readonly HotPosition[]): Promise<void>;
  readPositions(book: string): Promise<HotPosition[]>;
  engageKillSwitch(note: ChangeNote): Promise<void>;
  releaseKillSwitch(note: ChangeNote): Promise<void>;
  readKillSwitch(): Promise<KillSwitchState>;
  /** The latest changes first. */
  readKillSwitchHistory(limit: number): Promise<KillSwitchChange[]>;
  setProductionModel(pointer: ModelPointer): Promise<void>;
  readProductionModel(model: string): Promise<ModelPointer | null>;
}
