import type { QuarantinedRow } from '../../core/data/Quarantine.js';
import type { BarSink, CursorStore, PacingLog } from '../../core/ibkr/BarSink.js';
import type { Clock } from '../../core/ibkr/Clock.js';
import type { PacingRules } from '../../core/ibkr/PacingScheduler.js';
import type { HistoricalChunk } from '../../core/ibkr/planChunks.js';
import type { IbFetchFailedError } from './errors.js';
import type { IbConnection } from './IbConnection.js';

/** How historical requests are made and retried. */
export interface HistoricalSettings {
  readonly whatToShow: string;
  /** Regular trading hours only. */
  readonly rth: boolean;
  readonly requestTimeoutMs: number;
  /** Attempts per chunk for timeouts and retryable errors before the ticker is given up. */
  readonly maxAttempts: number;
  /** First wait before retrying a chunk; doubles per attempt. */
  readonly retryBaseMs: number;
  /** Pause of every new request after IB reports a pacing violation; doubles while they repeat. */
  readonly pacingPauseMs: number;
  /** The fetch stops (resumable) when the gateway stays unreachable, or its link to IB down, this long. */
  readonly maxOutageMs: number;
  readonly pacing: PacingRules;
}

/** What to fetch: tickers over New York days (both inclusive) at one bar size, into one dataset. */
export interface HistoricalFetchPlan {
  readonly dataset: string;
  readonly tickers: readonly string[];
  readonly startDay: number;
  readonly endDay: number;
  readonly barMs: number;
}

/** One chunk finished (fetched and written) or found already covered by the cursor. */
export interface FetchProgress {
  readonly ticker: string;
  readonly chunk: HistoricalChunk;
  readonly bars: number;
  /** True when the cursor already covered the chunk, so it was not requested. */
  readonly skipped: boolean;
  readonly done: number;
  readonly total: number;
}

/** Per-ticker result of a fetch run. */
export interface TickerFetchSummary {
  readonly ticker: string;
  barsWritten: number;
  chunksFetched: number;
  /** Chunks the cursor already covered: not requested again. */
  chunksSkipped: number;
  readonly quarantined: QuarantinedRow[];
  /** Why the ticker was given up, when it was. */
  error?: IbFetchFailedError;
}

/** Result of a fetch run. */
export interface FetchSummary {
  readonly tickers: TickerFetchSummary[];
  /** Historical requests sent (retries included). */
  requests: number;
  /** Pacing violations IB reported (162 pacing, 100). */
  pacingViolations: number;
  readonly startedMs: number;
  endedMs: number;
}

/** Collaborators of a fetch run. */
export interface FetchDeps {
  readonly connection: IbConnection;
  readonly clock: Clock;
  readonly sink: BarSink;
  readonly cursors: CursorStore;
  /** Recent request starts kept across runs, so a restart keeps respecting what IB still counts. */
  readonly pacingLog?: PacingLog;
  readonly settings: HistoricalSettings;
  readonly onProgress?: (progress: FetchProgress) => void;
  readonly signal?: AbortSignal;
}
