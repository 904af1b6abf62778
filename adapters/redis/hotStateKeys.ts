/** Where the hot state lives in Redis, under the configured prefix. */
export interface HotStateKeys {
  /** Hash: `@ts` (bar start, ms) plus feature id -> value, one per ticker. */
  features(ticker: string): string;
  /** Hash: ticker -> `{"quantity","costBasisMicros","ts"}` (JSON), one per book. */
  positions(book: string): string;
  /** Hash: engaged ('1' or '0'), by, reason, at (ms). */
  readonly killSwitch: string;
  /** List of the kill switch's changes as JSON, latest first, capped. */
  readonly killSwitchHistory: string;
  /** Pub/sub channel that carries each kill switch change (JSON) as it is made. */
  readonly killSwitchChannel: string;
  /** Hash: model -> ModelPointer (JSON). */
  readonly productionModels: string;
  /** Pub/sub channel that carries the name of a model whose production pointer changed. */
  readonly productionModelsChannel: string;
}

/** The key layout for one prefix (system.yaml `redis.key_prefix`, e.g. `intraday:`). */
export function hotStateKeys(prefix: string): HotStateKeys {
  return {
    features: (ticker) => `${prefix}features:${ticker}`,
    positions: (book) => `${prefix}positions:${book}`,
    killSwitch: `${prefix}killswitch`,
    killSwitchHistory: `${prefix}killswitch:history`,
    killSwitchChannel: `${prefix}killswitch:changed`,
    productionModels: `${prefix}models:production`,
    productionModelsChannel: `${prefix}models:production:changed`,
  };
}
